package vn.secondment.notification.service;

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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
     * one transaction: the one row each event keys by (its report's, assignment's, issue's or week's), found by the
     * batch's events from then on without a statement each ({@link ReminderRows}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void preload(List<EventEnvelope> events) {
        Map<ReminderKind, Set<String>> aggregates = new EnumMap<>(ReminderKind.class);
        for (EventEnvelope event : events) {
            String type = event.type();
            if (type.startsWith(WEEKLY_REPORT_PREFIX)) {
                idOf(event, "reportId").ifPresent(id -> add(aggregates, ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, id));
            } else if (type.startsWith(AssignmentEvents.ASSIGNMENT_TYPE_PREFIX)) {
                idOf(event, "assignmentId").ifPresent(id -> add(aggregates, ReminderKind.ASSIGNMENT_ENDING, id));
            } else if (type.equals(AssignmentEvents.WORK_PLAN_SUBMITTED.name())) {
                String week = event.data() == null ? null : event.data().path("week").textValue();
                idOf(event, "assignmentId").filter(id -> week != null)
                        .ifPresent(id -> add(aggregates, ReminderKind.WORK_PLAN_MISSING, workPlanKey(id, week)));
            } else if (type.startsWith(ISSUE_PREFIX)) {
                idOf(event, "issueId").ifPresent(id -> add(aggregates, ReminderKind.ISSUE_DEADLINE_NEAR, id));
            }
        }
        if (!aggregates.isEmpty()) {
            rows.preload(aggregates);
        }
    }

    private static void add(Map<ReminderKind, Set<String>> aggregates, ReminderKind kind, String id) {
        aggregates.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
    }

    /** A UUID field of the event's payload as the rows key it; empty when absent or not a UUID (apply decides). */
    private static Optional<String> idOf(EventEnvelope event, String field) {
        if (event.data() == null || !event.data().path(field).isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(event.data().get(field).asText()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Applies an event in the caller's transaction; events no reminder depends on are ignored unread. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        String type = event.type();
        if (type.startsWith(WEEKLY_REPORT_PREFIX)) {
            weeklyReport(event, codec.data(event, WeeklyReportSnapshot.class));
        } else if (type.startsWith(AssignmentEvents.ASSIGNMENT_TYPE_PREFIX)) {
            AssignmentSnapshot a = codec.data(event, AssignmentSnapshot.class);
            assignmentEnding(event, a);
            workPlans(event, a);
        } else if (type.equals(AssignmentEvents.WORK_PLAN_SUBMITTED.name())) {
            workPlanSubmitted(event, codec.data(event, WorkPlanSubmitted.class));
        } else if (type.startsWith(ISSUE_PREFIX)) {
            issueDeadline(event, codec.data(event, IssueSnapshot.class));
        }
    }

    // ---- weekly reports

    private void weeklyReport(EventEnvelope event, WeeklyReportSnapshot r) {
        String id = required(event, r.reportId(), "reportId");
        if (!OWED.contains(r.status()) || r.dueAt() == null || r.officialId() == null || r.ministryCode() == null) {
            cancel(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, id, event);
            return;
        }
        String deadline = DEADLINE.format(r.dueAt());
        arm(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, id, event, r.dueAt().minus(Duration.ofHours(24)), r.dueAt(),
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

    private void assignmentEnding(EventEnvelope event, AssignmentSnapshot a) {
        String id = required(event, a.assignmentId(), "assignmentId");
        if (a.status() == null || !a.status().holds() || a.endDate() == null || a.officialId() == null
                || a.ministryCode() == null) {
            cancel(ReminderKind.ASSIGNMENT_ENDING, id, event);
            return;
        }
        String period = (a.startDate() == null ? "?" : DAY.format(a.startDate())) + " – " + DAY.format(a.endDate());
        arm(ReminderKind.ASSIGNMENT_ENDING, id, event, morningOf(a.endDate().minusDays(7)),
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

    /**
     * One reminder per ISO week the assignment spans (the first included: its plan is due before the official
     * arrives). Weeks the new period no longer spans are cancelled; weeks whose plan was sent stay settled.
     */
    /** "tại" the province, or, for a member of a delegation or working group (no province), "của" the group. */
    private String place(EventEnvelope event, AssignmentSnapshot a) {
        return a.withoutProvince() ? "của đoàn công tác / tổ công tác"
                : "tại " + names.province(a.provinceCode(), event.time(), Names.VI);
    }

    private void workPlans(EventEnvelope event, AssignmentSnapshot a) {
        String id = a.assignmentId().toString();
        Set<String> weeks = new HashSet<>();
        boolean planned = a.status() != null && a.status().holds() && a.startDate() != null && a.endDate() != null
                && a.officialId() != null && a.ministryCode() != null && !a.endDate().isBefore(a.startDate());
        if (planned) {
            IsoWeek last = IsoWeek.of(a.endDate());
            for (IsoWeek week = IsoWeek.of(a.startDate()); week.compareTo(last) <= 0; week = week.next()) {
                weeks.add(week.toString());
                IsoWeek w = week;
                Instant monday = startOf(w.monday());
                arm(ReminderKind.WORK_PLAN_MISSING, workPlanKey(id, w.toString()), event,
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
    private void workPlanSubmitted(EventEnvelope event, WorkPlanSubmitted p) {
        String assignmentId = required(event, p.assignmentId(), "assignmentId");
        if (p.week() == null) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") lacks week");
        }
        String key = workPlanKey(assignmentId, p.week());
        ReminderDue row = rows.find(ReminderKind.WORK_PLAN_MISSING, key).orElse(null);
        if (row == null) {
            if (p.officialId() == null || p.ministryCode() == null) {
                return;
            }
            Instant monday = startOf(p.weekStart() != null ? p.weekStart() : mondayOf(event, p.week()));
            row = new ReminderDue();
            row.id = UUID.randomUUID();
            row.kind = ReminderKind.WORK_PLAN_MISSING;
            row.aggregateId = key;
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

    private void issueDeadline(EventEnvelope event, IssueSnapshot i) {
        String id = required(event, i.issueId(), "issueId");
        if (!"ESCALATED".equals(i.status()) || i.deadline() == null || i.escalatedToUnit() == null
                || i.ministryCode() == null) {
            cancel(ReminderKind.ISSUE_DEADLINE_NEAR, id, event);
            return;
        }
        String deadline = DAY.format(i.deadline());
        arm(ReminderKind.ISSUE_DEADLINE_NEAR, id, event, morningOf(i.deadline()).minus(config.issueNear()),
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
    private void arm(ReminderKind kind, String aggregateId, EventEnvelope event, Instant dueAt, Instant expiresAt,
                     Consumer<ReminderDue> fill) {
        ReminderDue row = rows.find(kind, aggregateId).orElse(null);
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
            row.kind = kind;
            row.aggregateId = aggregateId;
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
    private void cancel(ReminderKind kind, String aggregateId, EventEnvelope event) {
        rows.find(kind, aggregateId).filter(row -> !row.eventTime.isAfter(event.time())).ifPresent(row -> {
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

    private static String required(EventEnvelope event, UUID id, String field) {
        if (id == null) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return id.toString();
    }
}
