package vn.secondment.report.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.EventType;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.report.Report;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.rest.OccurredAt;
import vn.secondment.report.rest.ReviewRequest;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The workflow every kind of report follows, within the caller's scope: the assigned official writes it (DUE,
 * DRAFT or RETURNED → DRAFT) and submits it (→ SUBMITTED, late when after its deadline); a coordinator of the
 * assignment's ministry accepts it or returns it with a comment. Every change is audited; submissions and reviews
 * are announced on {@code report.events} in the same transaction. A kind ({@link WeeklyReports},
 * {@link FinalReports}) brings its content, its filters, its names and its events.
 *
 * @param <R> the report entity
 * @param <V> its view
 * @param <Q> the request that writes its content
 * @param <F> its list's filters
 */
public abstract class ReportWorkflow<R extends Report, V, Q, F> {

    /**
     * What tells the kinds apart besides their content.
     *
     * @param entity    the entity's JPQL name
     * @param what      how a missing one is named in a 404
     * @param auditType the audit trail's entity type
     * @param order     the list's order, the export's too (report alias {@code r}, assignment {@code a})
     * @param table     its table, where the deadline sweep's flags are
     * @param dueFlag   whether it has the sweep's "due" flag (weekly reports) besides "overdue"
     */
    public record Kind(String entity, String what, String auditType, Sort order, EventType submitted,
                       EventType accepted, EventType returned, String table, boolean dueFlag) {
    }

    private final Kind kind;
    private final PanacheRepositoryBase<R, UUID> reports;
    private final KnownOfficialRepository officials;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final PastRecords past;
    private final Clock clock;

    protected ReportWorkflow(Kind kind, PanacheRepositoryBase<R, UUID> reports, KnownOfficialRepository officials,
                             AuditTrail audit, EventPublisher events, PastRecords past, Clock clock) {
        this.kind = kind;
        this.reports = reports;
        this.officials = officials;
        this.audit = audit;
        this.events = events;
        this.past = past;
        this.clock = clock;
    }

    /** For the client proxy CDI puts in front of each kind's bean; never used to do work. */
    protected ReportWorkflow() {
        this(null, null, null, null, null, null, null);
    }

    /** How a report is named in a conflict or validation message: "The report of 2025-W37", "The final report". */
    protected abstract String label(R r);

    /** Why a cancelled report cannot be written, after its status. */
    protected abstract String notOwed();

    /** The kind's own filters added to {@code where}, the list's query. */
    protected abstract Where filters(Where where, F filter);

    /** The filters every report list has: ministries, province, assignment, status and overdue. */
    protected abstract CommonFilters common(F filter);

    /** The checked content of {@code request} (violations added), to be put into the report once all is valid. */
    protected abstract Consumer<R> content(Q request, List<Problem.Violation> violations);

    /** Adds a violation for each field a submission needs that is not written. */
    protected abstract void requireWrittenToSubmit(R r, List<Problem.Violation> missing);

    protected abstract V toView(R r, String officialName, Instant now);

    /** The event's payload; {@code entered} marks a step entered after the fact (null for one done now). */
    protected abstract Object toSnapshot(R r, AfterTheFact entered);

    /** When the content of the report can first have been written (its week's Monday or the assignment's start). */
    protected abstract Instant periodStart(R r);

    /** When its request says the writing happened (null: now). */
    protected abstract OffsetDateTime occurredAt(Q request);

    protected abstract Map<String, Object> auditState(R r);

    /** What an acceptance records besides the review; nothing by default. */
    protected void accepted(R r, String actor, Instant now) {
    }

    /** The list filters every kind shares. */
    protected record CommonFilters(List<String> ministries, String province, UUID assignment, ReportStatus status,
                                   Boolean overdue, Boolean enteredAfterTheFact) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<V> list(F filter, Paging paging, ReportAccess access) {
        Instant now = clock.instant();
        PanacheQuery<R> query = find(where(filter, access, now)).page(Page.of(paging.page, paging.size));
        List<R> page = query.list();
        Map<UUID, String> names = ReportRules.names(officials,
                page.stream().map(r -> r.assignment.officialId).distinct().toList(), access.seesPersonalDetails());
        return new PageView<>(page.stream().map(r -> toView(r, names.get(r.assignment.officialId), now)).toList(),
                paging.page, paging.size, query.count());
    }

    /** What the list and the export match: the caller's scope and the filters, overdue as of {@code now}. */
    public Where where(F filter, ReportAccess access, Instant now) {
        CommonFilters common = common(filter);
        Where where = ReportRules.assignmentReports(kind.entity(), access, common.ministries(), common.province(),
                common.assignment());
        where = filters(where, filter).and("r.status = :status", "status", common.status());
        if (common.enteredAfterTheFact() != null) {
            where.and(common.enteredAfterTheFact() ? "r.enteredAt is not null" : "r.enteredAt is null");
        }
        return ReportRules.overdue(where, common.overdue(), now);
    }

    /** How many reports {@code where} matches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Where where) {
        return find(where).count();
    }

    /**
     * Every report {@code where} matches, as its view, in the list's order, read from a database cursor in a
     * transaction of its own: an export streams them without holding them in memory, after the request's scope
     * and personal-details decision were taken ({@code personal}).
     */
    public void each(Where where, boolean personal, Instant now, Consumer<V> consumer) {
        ReportRules.inChunks(find(where), reports.getEntityManager(), chunk -> {
            Map<UUID, String> names = ReportRules.names(officials,
                    chunk.stream().map(r -> r.assignment.officialId).distinct().toList(), personal);
            chunk.forEach(r -> consumer.accept(toView(r, names.get(r.assignment.officialId), now)));
        });
    }

    private PanacheQuery<R> find(Where where) {
        return reports.find("select r " + where.jpql(), kind.order(), where.parameters());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public V get(UUID id, ReportAccess access) {
        R r = find(id);
        ReportRules.requireVisible(r.assignment, access, kind.what(), id);
        return view(r, access);
    }

    /**
     * Writes the draft: every content field is replaced. DUE, DRAFT or RETURNED → DRAFT; submitted ones are kept.
     * The official writes now; a coordinator writes what the official wrote then ({@code occurredAt}).
     */
    @Transactional
    public V write(UUID id, String ifMatch, Q request, ReportAccess access) {
        R r = find(id);
        Optional<PastRecords.Past> then = author(r, occurredAt(request), periodStart(r), access);
        writable(r, ifMatch);
        List<Problem.Violation> violations = new ArrayList<>();
        Consumer<R> content = content(request, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, label(r) + " is not valid", violations);
        }
        Map<String, Object> before = auditState(r);
        content.accept(r);
        toDraft(r, before, access, "written", then.orElse(null));
        return view(r, access);
    }

    /**
     * DRAFT or RETURNED → SUBMITTED now, or when it really was for a coordinator recording it after the fact
     * ({@code occurredAt}); late when that is after the deadline; the kind's fields are needed.
     */
    @Transactional
    public V submit(UUID id, String ifMatch, OccurredAt body, ReportAccess access) {
        R r = find(id);
        Instant earliest = periodStart(r);
        if (r.status == ReportStatus.RETURNED && r.reviewedAt != null && r.reviewedAt.isAfter(earliest)) {
            earliest = r.reviewedAt;
        }
        Optional<PastRecords.Past> then = author(r, body == null ? null : body.occurredAt(), earliest, access);
        Versions.requireMatch(ifMatch, r.version);
        if (r.status != ReportStatus.DRAFT && r.status != ReportStatus.RETURNED) {
            throw new ProblemException(ProblemType.CONFLICT, label(r) + " is " + r.status
                    + ": only a draft or a returned report is submitted"
                    + (r.status == ReportStatus.DUE ? " (write it first)" : ""));
        }
        List<Problem.Violation> missing = new ArrayList<>();
        requireWrittenToSubmit(r, missing);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, label(r) + " is not complete enough to submit",
                    missing);
        }
        Map<String, Object> before = auditState(r);
        Instant now = ReportRules.now(clock);
        Instant at = then.map(PastRecords.Past::occurredAt).orElse(now);
        r.status = ReportStatus.SUBMITTED;
        r.submittedAt = at;
        r.late = ReportRules.late(at, r.dueAt);
        r.updatedAt = now;
        AfterTheFact entered = entered(r, then);
        String reason = r.late ? "submitted after its deadline " + r.dueAt : null;
        audit.record(kind.auditType(), r.id, r.assignment.ministryCode, "submitted", before, auditState(r),
                access.caller().username(), then.map(p -> p.note(reason)).orElse(reason));
        events.publish(kind.submitted(), r.id, r.assignment.ministryCode, toSnapshot(r, entered));
        reports.flush();
        silencePassedDeadlines(r, then, now);
        return view(r, access);
    }

    /** SUBMITTED → ACCEPTED, or → RETURNED with a comment; either announced. */
    @Transactional
    public V review(UUID id, String ifMatch, ReviewRequest request, ReportAccess access) {
        R r = find(id);
        ReportRules.requireReviewer(r.assignment, access, kind.what(), id);
        Optional<PastRecords.Past> then = request.occurredAt() == null || r.status != ReportStatus.SUBMITTED
                ? Optional.empty()
                : past.of("occurredAt", request.occurredAt(), access, r.assignment.ministryCode, r.submittedAt,
                "its submission");
        Versions.requireMatch(ifMatch, r.version);
        String comment = ReportRules.reviewComment(request);
        if (r.status != ReportStatus.SUBMITTED) {
            throw new ProblemException(ProblemType.CONFLICT, label(r) + " is " + r.status
                    + ": only a submitted report is reviewed");
        }
        Map<String, Object> before = auditState(r);
        Instant now = ReportRules.now(clock);
        Instant at = then.map(PastRecords.Past::occurredAt).orElse(now);
        boolean accepted = request.decision() == ReviewRequest.Decision.ACCEPT;
        String actor = access.caller().username();
        r.status = accepted ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
        r.reviewedBy = actor;
        r.reviewedAt = at;
        r.reviewComment = comment;
        if (accepted) {
            accepted(r, actor, at);
        }
        r.updatedAt = now;
        AfterTheFact entered = entered(r, then);
        audit.record(kind.auditType(), r.id, r.assignment.ministryCode, accepted ? "accepted" : "returned", before,
                auditState(r), actor, then.map(p -> p.note(comment)).orElse(comment));
        events.publish(accepted ? kind.accepted() : kind.returned(), r.id, r.assignment.ministryCode,
                toSnapshot(r, entered));
        reports.flush();
        silencePassedDeadlines(r, then, now);
        return view(r, access);
    }

    /**
     * Who writes or submits it: the official, now (no {@code occurredAt}); or, for what the official did then, a
     * coordinator or ministry admin of its ministry or a platform admin ({@link PastRecords}), with the time it
     * happened, not before {@code earliest}. 404 for whoever cannot see it, 403 for the others.
     */
    protected Optional<PastRecords.Past> author(R r, OffsetDateTime occurredAt, Instant earliest,
                                                ReportAccess access) {
        if (occurredAt == null) {
            ReportRules.requireAuthor(r.assignment, access, kind.what(), r.id);
            return Optional.empty();
        }
        ReportRules.requireVisible(r.assignment, access, kind.what(), r.id);
        return past.of("occurredAt", occurredAt, access, r.assignment.ministryCode, earliest,
                "the start of the period it reports on");
    }

    /** Marks the report entered after the fact when {@code then} is present; what the step's event carries. */
    private static AfterTheFact entered(Report r, Optional<PastRecords.Past> then) {
        AfterTheFact entered = then.map(PastRecords.Past::entered).orElse(null);
        r.entered(entered);
        return entered;
    }

    /**
     * A step entered after the fact leaves no deadline of the past to announce: the sweep's flags of the deadlines
     * already passed at entry are set (without an event), so a report returned in the past is not announced overdue.
     * Written after the flush and beside the version, as the sweep writes them.
     */
    private void silencePassedDeadlines(R r, Optional<PastRecords.Past> then, Instant now) {
        if (then.isEmpty()) {
            return;
        }
        EntityManager em = reports.getEntityManager();
        em.createNativeQuery("UPDATE " + kind.table() + " SET overdue_announced_at = coalesce(overdue_announced_at,"
                        + " :now) WHERE id = :id AND due_at < :now")
                .setParameter("now", now).setParameter("id", r.id).executeUpdate();
        if (kind.dueFlag()) {
            em.createNativeQuery("UPDATE " + kind.table() + " SET due_announced_at = coalesce(due_announced_at, :now)"
                            + " WHERE id = :id AND week_start <= :today")
                    .setParameter("now", now).setParameter("id", r.id)
                    .setParameter("today", VietnamTime.dayOf(now)).executeUpdate();
        }
    }

    /** The report, checked writable: with the official (409 otherwise), at the version seen. */
    protected R writable(R r, String ifMatch) {
        Versions.requireMatch(ifMatch, r.version);
        if (!r.status.withOfficial()) {
            throw new ProblemException(ProblemType.CONFLICT, label(r) + " is " + r.status
                    + (r.status == ReportStatus.CANCELLED ? notOwed()
                    : ": it is with the ministry and cannot be changed"));
        }
        return r;
    }

    /**
     * → DRAFT, audited as {@code action}; the first writing is its draft time (when it happened, for a writing
     * entered after the fact: {@code then}).
     */
    protected void toDraft(R r, Map<String, Object> before, ReportAccess access, String action,
                           PastRecords.Past then) {
        Instant now = ReportRules.now(clock);
        r.status = ReportStatus.DRAFT;
        if (r.draftedAt == null) {
            r.draftedAt = then == null ? now : then.occurredAt();
        }
        entered(r, Optional.ofNullable(then));
        if (audit.record(kind.auditType(), r.id, r.assignment.ministryCode, action, before, auditState(r),
                access.caller().username(), then == null ? null : then.note(null))) {
            r.updatedAt = now;
        }
        reports.flush();
    }

    /** The rule for recording the past ({@link PastRecords}). */
    protected PastRecords past() {
        return past;
    }

    protected R find(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(kind.what(), id));
    }

    protected V view(R r, ReportAccess access) {
        return toView(r, ReportRules.name(officials, r.assignment.officialId, access), clock.instant());
    }
}
