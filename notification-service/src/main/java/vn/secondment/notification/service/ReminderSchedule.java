package vn.secondment.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.WorkPlanSubmitted;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.notification.ReminderDue;
import vn.secondment.notification.ReminderKind;
import vn.secondment.notification.config.ReminderConfig;
import vn.secondment.notification.repository.ReminderRepository;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps the reminders due from the events, in the inbox's transaction (see {@code InboxService.receive}): each
 * event states its aggregate after the change, so the reminder is armed, moved or cancelled from that state alone,
 * and the newest event per reminder wins by event time (a redelivered or late older event changes nothing).
 * <p>
 * A reminder already sent stays sent while its moment stays; when a later event moves the moment (a rescheduled
 * assignment, a new deadline) it is armed again for the new moment.
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final String WEEKLY_REPORT_PREFIX = "vn.secondment.report." + ReportEvents.WEEKLY_REPORT + ".";
    private static final String ISSUE_PREFIX = "vn.secondment.report." + ReportEvents.ISSUE + ".";
    /** Report statuses that still owe a submission; any other (SUBMITTED, ACCEPTED, CANCELLED) cancels. */
    private static final Set<String> OWED = Set.of("DUE", "DRAFT", "RETURNED");
    private static final LocalTime MORNING = LocalTime.of(9, 0);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private final ReminderRepository reminders;
    private final ReminderRows rows;
    private final EventCodec codec;
    private final ReminderConfig config;
    private final Names names;

    public ReminderSchedule(ReminderRepository reminders, ReminderRows rows, EventCodec codec, ReminderConfig config,
                            Names names) {
        this.reminders = reminders;
        this.rows = rows;
        this.codec = codec;
        this.config = config;
        this.names = names;
    }

    /**
     * Reads, in one statement, the reminder rows that {@link #apply} will look at for a batch of events processed in
     * one transaction: the one row each event keys by ({@link #keyOf}), found by the batch's events from then on
     * without a statement each ({@link ReminderRows}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void preload(List<EventEnvelope> events) {
        rows.preload(events.stream().map(this::keyOf).flatMap(Optional::stream).toList());
    }

    /**
     * The reminder row an event keys by (its report's, assignment's, issue's, or week's work plan), from its payload;
     * empty for an event no reminder depends on, or one lacking the id ({@link #apply} rejects that one). Both
     * {@link #preload} and {@link #apply} learn it here, so that what a batch preloads is what its events read.
     */
    Optional<ReminderRows.Key> keyOf(EventEnvelope event) {
        ReminderKind kind = kindOf(event.type());
        if (kind == null) {
            return Optional.empty();
        }
        Optional<String> id = codec.uuidField(event, idField(kind)).map(UUID::toString);
        if (kind == ReminderKind.WORK_PLAN_MISSING) {
            String week = weekOf(event);
            return id.filter(assignmentId -> week != null)
                    .map(assignmentId -> new ReminderRows.Key(kind, workPlanKey(assignmentId, week)));
        }
        return id.map(aggregateId -> new ReminderRows.Key(kind, aggregateId));
    }

    /** The kind of reminder an event type keys by; null for a type no reminder depends on. */
    private static ReminderKind kindOf(String type) {
        if (type.startsWith(WEEKLY_REPORT_PREFIX)) {
            return ReminderKind.WEEKLY_REPORT_DUE_TOMORROW;
        } else if (type.startsWith(AssignmentEvents.ASSIGNMENT_TYPE_PREFIX)) {
            return ReminderKind.ASSIGNMENT_ENDING;
        } else if (type.equals(AssignmentEvents.WORK_PLAN_SUBMITTED.name())) {
            return ReminderKind.WORK_PLAN_MISSING;
        } else if (type.startsWith(ISSUE_PREFIX)) {
            return ReminderKind.ISSUE_DEADLINE_NEAR;
        }
        return null;
    }

    /** The payload's field naming the aggregate of a kind's row. */
    private static String idField(ReminderKind kind) {
        return switch (kind) {
            case WEEKLY_REPORT_DUE_TOMORROW -> "reportId";
            case ASSIGNMENT_ENDING, WORK_PLAN_MISSING -> "assignmentId";
            case ISSUE_DEADLINE_NEAR -> "issueId";
        };
    }

    /** A work plan's week as its contract record reads it (a number or other scalar as its text); null if none. */
    private static String weekOf(EventEnvelope event) {
        JsonNode week = event.data() == null ? null : event.data().get("week");
        return week == null || week.isNull() || !week.isValueNode() ? null : week.asText();
    }

    /** Applies an event in the caller's transaction; events no reminder depends on are ignored unread. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        ReminderKind kind = kindOf(event.type());
        if (kind == null) {
            return;
        }
        // the payload's shape first: a malformed one is rejected with what is wrong in it
        switch (kind) {
            case WEEKLY_REPORT_DUE_TOMORROW -> weeklyReport(event, codec.data(event, WeeklyReportSnapshot.class),
                    requiredKey(event, kind));
            case ASSIGNMENT_ENDING -> {
                AssignmentSnapshot a = codec.data(event, AssignmentSnapshot.class);
                ReminderRows.Key key = requiredKey(event, kind);
                assignmentEnding(event, a, key);
                workPlans(event, a, key.aggregateId());
            }
            case WORK_PLAN_MISSING -> workPlanSubmitted(event, codec.data(event, WorkPlanSubmitted.class),
                    requiredKey(event, kind));
            case ISSUE_DEADLINE_NEAR -> issueDeadline(event, codec.data(event, IssueSnapshot.class),
                    requiredKey(event, kind));
        }
    }

    private ReminderRows.Key requiredKey(EventEnvelope event, ReminderKind kind) {
        String lacking = idField(kind) + (kind == ReminderKind.WORK_PLAN_MISSING ? " or week" : "");
        return keyOf(event).orElseThrow(() -> new MalformedEventException("Event " + event.id() + " ("
                + event.type() + ") lacks " + lacking));
    }

    // ---- weekly reports

    private void weeklyReport(EventEnvelope event, WeeklyReportSnapshot r, ReminderRows.Key key) {
        String id = key.aggregateId();
        if (!OWED.contains(r.status()) || r.dueAt() == null || r.officialId() == null || r.ministryCode() == null) {
            cancel(key, event);
            return;
        }
        String deadline = DEADLINE.format(r.dueAt());
        arm(key, event, r.dueAt().minus(Duration.ofHours(24)), r.dueAt(),
                row -> {
                    person(row, r.officialId(), r.ministryCode());
                    row.subjectType = "vn.secondment.report." + ReportEvents.WEEKLY_REPORT;
                    row.subjectId = id;
                    row.title = "Nhắc: báo cáo tuần " + r.week() + " đến hạn ngày mai (" + deadline + ")";
                    row.body = "Báo cáo tuần " + r.week() + (r.provinceCode() == null ? ""
                            : " tại " + names.province(r.provinceCode(), event.time(), Names.VI))
                            + " chưa được nộp. Hạn nộp: " + deadline + " (giờ Việt Nam).";
                });
    }

    // ---- assignments and their weekly work plans

    private void assignmentEnding(EventEnvelope event, AssignmentSnapshot a, ReminderRows.Key key) {
        String id = key.aggregateId();
        if (a.status() == null || !a.status().holds() || a.endDate() == null || a.officialId() == null
                || a.ministryCode() == null) {
            cancel(key, event);
            return;
        }
        String period = (a.startDate() == null ? "?" : DAY.format(a.startDate())) + " – " + DAY.format(a.endDate());
        arm(key, event, morningOf(a.endDate().minusDays(7)),
                startOf(a.endDate().plusDays(1)), row -> {
                    person(row, a.officialId(), a.ministryCode());
                    row.subjectType = "vn.secondment.assignment." + AssignmentEvents.ASSIGNMENT;
                    row.subjectId = id;
                    row.title = "Nhắc: đợt tăng cường " + place(event, a) + " kết thúc ngày "
                            + DAY.format(a.endDate());
                    row.body = "Còn 7 ngày đến hết thời gian tăng cường (" + period + ", "
                            + names.ministry(a.ministryCode(), event.time(), Names.VI)
                            + "). Hãy chuẩn bị báo cáo tổng hợp cuối đợt.";
                });
    }

    /** "tại" the province, or, for a member of a delegation or working group (no province), "của" the group. */
    private String place(EventEnvelope event, AssignmentSnapshot a) {
        return a.withoutProvince() ? "của đoàn công tác / tổ công tác"
                : "tại " + names.province(a.provinceCode(), event.time(), Names.VI);
    }

    /**
     * One reminder per ISO week the assignment spans (the first included: its plan is due before the official
     * arrives). Weeks the new period no longer spans are cancelled; weeks whose plan was sent stay settled.
     */
    private void workPlans(EventEnvelope event, AssignmentSnapshot a, String id) {
        Set<String> weeks = new HashSet<>();
        boolean planned = a.status() != null && a.status().holds() && a.startDate() != null && a.endDate() != null
                && a.officialId() != null && a.ministryCode() != null && !a.endDate().isBefore(a.startDate());
        if (planned) {
            IsoWeek last = IsoWeek.of(a.endDate());
            for (IsoWeek week = IsoWeek.of(a.startDate()); week.compareTo(last) <= 0; week = week.next()) {
                weeks.add(week.toString());
                IsoWeek w = week;
                Instant monday = startOf(w.monday());
                arm(new ReminderRows.Key(ReminderKind.WORK_PLAN_MISSING, workPlanKey(id, w.toString())), event,
                        monday.minus(config.workPlanBefore()), monday.plus(Duration.ofDays(7)), row -> {
                            person(row, a.officialId(), a.ministryCode());
                            row.subjectType = "vn.secondment.assignment." + AssignmentEvents.ASSIGNMENT;
                            row.subjectId = id;
                            row.title = "Nhắc: chưa gửi lịch công tác tuần " + w;
                            row.body = "Lịch công tác tuần " + w + " (" + DAY.format(w.monday()) + " – "
                                    + DAY.format(w.sunday()) + ") " + place(event, a)
                                    + " chưa được gửi về Bộ.";
                        });
            }
        }
        for (ReminderDue row : reminders.ofSubject(ReminderKind.WORK_PLAN_MISSING, id)) {
            String week = row.aggregateId.substring(row.aggregateId.lastIndexOf('/') + 1);
            if (!weeks.contains(week) && !row.eventTime.isAfter(event.time())) {
                row.cancelled = true;
                row.eventTime = event.time();
            }
        }
    }

    /**
     * Settles the week for good. The plan may be consumed before the assignment's events (it has its own key), so a
     * settled row is kept even when no reminder was armed yet, and arming never re-opens it.
     */
    private void workPlanSubmitted(EventEnvelope event, WorkPlanSubmitted p, ReminderRows.Key key) {
        String assignmentId = p.assignmentId().toString();
        ReminderDue row = rows.find(key).orElse(null);
        if (row == null) {
            if (p.officialId() == null || p.ministryCode() == null) {
                return;
            }
            Instant monday = startOf(p.weekStart() != null ? p.weekStart() : mondayOf(event, p.week()));
            row = new ReminderDue();
            row.id = UUID.randomUUID();
            row.kind = ReminderKind.WORK_PLAN_MISSING;
            row.aggregateId = key.aggregateId();
            row.dueAt = monday.minus(config.workPlanBefore());
            row.expiresAt = monday.plus(Duration.ofDays(7));
            person(row, p.officialId(), p.ministryCode());
            row.subjectType = "vn.secondment.assignment." + AssignmentEvents.ASSIGNMENT;
            row.subjectId = assignmentId;
            row.title = "Lịch công tác tuần " + p.week() + " đã gửi";
            row.body = "Lịch công tác tuần " + p.week() + " đã được gửi về Bộ.";
            row.eventTime = event.time();
            reminders.persist(row);
            rows.remember(row);
        }
        row.settled = true;
        row.cancelled = true;
    }

    // ---- escalated issues

    private void issueDeadline(EventEnvelope event, IssueSnapshot i, ReminderRows.Key key) {
        String id = key.aggregateId();
        if (!"ESCALATED".equals(i.status()) || i.deadline() == null || i.escalatedToUnit() == null
                || i.ministryCode() == null) {
            cancel(key, event);
            return;
        }
        String deadline = DAY.format(i.deadline());
        arm(key, event, morningOf(i.deadline()).minus(config.issueNear()),
                startOf(i.deadline().plusDays(1)), row -> {
                    row.recipientOfficialId = null;
                    row.audienceRole = Roles.MINISTRY_UNIT;
                    row.ministry = i.answeringMinistry();
                    row.unit = i.escalatedToUnit();
                    row.copyCoordinators = true;
                    row.subjectType = "vn.secondment.report." + ReportEvents.ISSUE;
                    row.subjectId = id;
                    row.title = "Nhắc: vướng mắc sắp đến hạn trả lời (" + deadline + "): "
                            + (i.urgent() ? "[Khẩn] " : "") + i.title();
                    row.body = "Tại " + names.province(i.provinceCode(), event.time(), Names.VI) + ", đã chuyển "
                            + i.escalatedToUnit() + " (" + names.ministry(i.answeringMinistry(), event.time(), Names.VI)
                            + "). Hạn trả lời: " + deadline + ", chưa có câu trả lời.";
                });
    }

    // ---- rows

    /**
     * Sets the reminder to fire at {@code dueAt} (unless the row holds a newer event's state, or is settled). A
     * sent reminder whose moment moves is armed again: it is a new moment to remind of. A moment already past at the
     * event's time is not armed (an unsent row for another moment is cancelled).
     */
    private void arm(ReminderRows.Key key, EventEnvelope event, Instant dueAt, Instant expiresAt,
                     Consumer<ReminderDue> fill) {
        ReminderDue row = rows.find(key).orElse(null);
        if (row != null && (row.settled || row.eventTime.isAfter(event.time()))) {
            return;
        }
        boolean armedInTime = row != null && !row.cancelled && row.dueAt.equals(dueAt);
        if (!dueAt.isAfter(event.time()) && !armedInTime) {
            // the moment had passed when the event happened (a round entered after it ran, a deadline set in the
            // past): nothing to remind of. Judged by the event's time, not the consumer's clock, and a row armed in
            // time for this very moment stays: a reminder due while the service was down is still sent once after.
            if (row != null && row.sentAt == null) {
                row.cancelled = true;
                row.eventTime = event.time();
            }
            return;
        }
        boolean first = row == null;
        if (first) {
            row = new ReminderDue();
            row.id = UUID.randomUUID();
            row.kind = key.kind();
            row.aggregateId = key.aggregateId();
        } else if (row.sentAt != null && !row.dueAt.equals(dueAt)) {
            row.sentAt = null;
        }
        row.dueAt = dueAt;
        row.expiresAt = expiresAt;
        row.cancelled = false;
        row.eventTime = event.time();
        fill.accept(row);
        if (first) {
            reminders.persist(row);
            rows.remember(row);
        }
    }

    /** Cancels an existing reminder; nothing to cancel is fine (one aggregate's events arrive in order). */
    private void cancel(ReminderRows.Key key, EventEnvelope event) {
        rows.find(key).filter(row -> !row.eventTime.isAfter(event.time())).ifPresent(row -> {
            row.cancelled = true;
            row.eventTime = event.time();
        });
    }

    private static void person(ReminderDue row, UUID officialId, String ministry) {
        row.recipientOfficialId = officialId;
        row.audienceRole = null;
        row.ministry = ministry;
        row.unit = null;
        row.copyCoordinators = false;
    }

    private static LocalDate mondayOf(EventEnvelope event, String week) {
        try {
            return IsoWeek.parse("week", week).monday();
        } catch (RuntimeException e) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") has week " + week
                    + ", not an ISO week");
        }
    }

    static String workPlanKey(String assignmentId, String week) {
        return assignmentId + "/" + week;
    }

    private static Instant morningOf(LocalDate day) {
        return day.atTime(MORNING).atZone(VietnamTime.ZONE).toInstant();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(VietnamTime.ZONE).toInstant();
    }
}
