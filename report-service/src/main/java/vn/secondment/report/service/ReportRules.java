package vn.secondment.report.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;
import vn.secondment.data.Where;
import vn.secondment.report.Report;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.rest.ReviewRequest;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What weekly and final reports share: who may read, write and review them, and how their text is checked. */
final class ReportRules {

    /** Rows an export reads per round trip, and officials' names it looks up at once. */
    static final int EXPORT_CHUNK = 500;
    /** An export's reading transaction: the rows follow a client's download speed, so give it more than 60 s. */
    static final int EXPORT_TIMEOUT_SECONDS = 600;

    private ReportRules() {
    }

    /** 404 unless the caller may read the assignment's records, so colleagues' reports are not probed. */
    static void requireVisible(KnownAssignment a, ReportAccess access, String what, UUID id) {
        if (!access.canSee(a)) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** Only the assigned official writes and submits: 403 for others who can read it, 404 for the rest. */
    static void requireAuthor(KnownAssignment a, ReportAccess access, String what, UUID id) {
        if (!access.isOwn(a)) {
            requireVisible(a, access, what, id);
            access.requireOwn(a);
        }
    }

    /** A coordinator of the assignment's ministry reviews: 403 for others who can read it, 404 for the rest. */
    static void requireReviewer(KnownAssignment a, ReportAccess access, String what, UUID id) {
        if (!access.canCoordinate(a.ministryCode)) {
            requireVisible(a, access, what, id);
            access.requireCoordinate(a.ministryCode);
        }
    }

    /** NFC text of at most {@code max} characters, blank as null, or a violation of {@code field}. */
    static String text(String field, String value, int max, List<Problem.Violation> violations) {
        String normal;
        try {
            normal = Text.nfc(field, value);
        } catch (ProblemException e) {
            violations.addAll(e.violations());
            return null;
        }
        if (normal == null || normal.isEmpty()) {
            return null;
        }
        if (normal.length() > max) {
            violations.add(new Problem.Violation(field, "must be at most " + max + " characters, not "
                    + normal.length()));
        }
        return normal;
    }

    /** Adds a violation when a field a submission needs is empty. */
    static void requireWritten(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "must be written before the report is submitted"));
        }
    }

    /**
     * The names of these officials when {@code personal} ({@link ReportAccess#seesPersonalDetails()}); empty
     * otherwise. A boolean, not the access, so that an export decides it before its rows are streamed.
     */
    static Map<UUID, String> names(KnownOfficialRepository officials, Collection<UUID> ids, boolean personal) {
        if (ids.isEmpty() || !personal) {
            return Map.of();
        }
        return officials.list("id in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(o -> o.id, o -> o.fullName, (x, y) -> x));
    }

    static String name(KnownOfficialRepository officials, UUID id, ReportAccess access) {
        return names(officials, List.of(id), access.seesPersonalDetails()).get(id);
    }

    /**
     * Reads every row of {@code query} from a database cursor, in a transaction of its own (an export's download
     * follows the client's speed), and hands them on in lists of {@link #EXPORT_CHUNK}, so that an export looks up
     * what it adds (officials' names) once per chunk and never holds more than a chunk in memory.
     */
    static <E> void inChunks(PanacheQuery<E> query, EntityManager em, Consumer<List<E>> each) {
        QuarkusTransaction.requiringNew().timeout(EXPORT_TIMEOUT_SECONDS).run(() -> {
            try (Stream<E> rows = query.withHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_CHUNK)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).stream()) {
                Iterator<E> it = rows.iterator();
                List<E> chunk = new ArrayList<>(EXPORT_CHUNK);
                while (it.hasNext()) {
                    chunk.add(it.next());
                    if (chunk.size() == EXPORT_CHUNK || !it.hasNext()) {
                        each.accept(chunk);
                        chunk.forEach(em::detach);
                        chunk = new ArrayList<>(EXPORT_CHUNK);
                    }
                }
            }
        });
    }

    /**
     * A report list's query on {@code entity} (alias {@code r}, its assignment {@code a}): the caller's scope and the
     * filters every report list has (ministries, province, assignment).
     */
    static Where assignmentReports(String entity, ReportAccess access, List<String> ministries, String province,
                                   UUID assignment) {
        return access.scope().restrict(Where.from(entity + " r join r.assignment a"), "a")
                .and("a.ministryCode in :ministries", "ministries", ministries)
                .and("a.provinceCode = :province", "province", province)
                .and("a.assignmentId = :assignment", "assignment", assignment);
    }

    /**
     * Adds the {@code overdue} filter of a report list whose report alias is {@code r}: with the official (DUE,
     * DRAFT or RETURNED) and past its deadline at {@code now}; null leaves the list unfiltered.
     */
    static Where overdue(Where where, Boolean overdue, Instant now) {
        if (overdue == null) {
            return where;
        }
        String condition = "(r.status in :withOfficial and r.dueAt < :now)";
        return where.and(overdue ? condition : "not " + condition)
                .parameter("withOfficial", ReportStatus.WITH_OFFICIAL)
                .parameter("now", now);
    }

    /** Now, to the microsecond the database keeps. */
    static Instant now(Clock clock) {
        return ServiceClock.now(clock);
    }

    /** A submission at {@code submittedAt} is late when it comes after the deadline (at the deadline is on time). */
    static boolean late(Instant submittedAt, Instant dueAt) {
        return submittedAt.isAfter(dueAt);
    }

    /** The review's comment in NFC; a decision is required, and a return needs a comment (422). */
    static String reviewComment(ReviewRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.decision() == null) {
            violations.add(new Problem.Violation("decision", "must be ACCEPT or RETURN"));
        }
        String comment = text("comment", request.comment(), Report.MAX_REVIEW_COMMENT, violations);
        if (request.decision() == ReviewRequest.Decision.RETURN && comment == null) {
            violations.add(new Problem.Violation("comment", "say what to revise when returning a report"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The review cannot be recorded", violations);
        }
        return comment;
    }
}
