package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.assignment.SupportRequestSnapshot;
import vn.secondment.events.assignment.WorkPlanSubmitted;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.OfficialsImported;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.FinalReportSnapshot;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.notification.InboxEntry;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.security.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who hears about which event, and in which words (the table is in the README). Events of types not listed here
 * notify nobody; their payload is not even read, so a type we ignore can never dead-letter a record.
 * <p>
 * Recipients are a person (an official, by the email personnel-service announced for them), or every holder of a
 * role within a ministry, a province, or a ministry's unit. An audience is never left unnarrowed by accident: a
 * payload without the ministry or province it must be narrowed by is malformed.
 */
@ApplicationScoped
public class InboxRouting {

    /** How a text names a delegation or working group, for a member who goes with it rather than to a province. */
    private static final String GROUP_VI = "đoàn công tác / tổ công tác";
    private static final String GROUP_EN = "a delegation or working group";

    private static final Logger LOG = Logger.getLogger(InboxRouting.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VietnamTime.ZONE);
    private static final int TITLE_MAX = 300;

    private final EventCodec codec;
    private final OfficialsDirectory officials;
    private final Names names;
    private final Clock clock;
    private final Map<String, Function<EventEnvelope, List<InboxEntry>>> routes = new HashMap<>();

    public InboxRouting(EventCodec codec, OfficialsDirectory officials, Names names, Clock clock) {
        this.codec = codec;
        this.officials = officials;
        this.names = names;
        this.clock = clock;
        routes.put(PersonnelEvents.OFFICIAL_REGISTERED.name(), this::officialRegistered);
        routes.put(PersonnelEvents.OFFICIALS_IMPORTED.name(), this::officialsImported);

        routes.put(AssignmentEvents.ASSIGNMENT_CREATED.name(), this::assignmentCreated);
        routes.put(AssignmentEvents.ASSIGNMENT_RESCHEDULED.name(), this::assignmentRescheduled);
        routes.put(AssignmentEvents.ASSIGNMENT_WITHDRAWN.name(), this::assignmentWithdrawn);
        routes.put(AssignmentEvents.ASSIGNMENT_REPLACED.name(), this::assignmentReplaced);
        routes.put(AssignmentEvents.DEPLOYMENT_RESCHEDULED.name(), this::deploymentRescheduled);
        routes.put(AssignmentEvents.DEPLOYMENT_CANCELLED.name(), this::deploymentCancelled);
        routes.put(AssignmentEvents.WORK_PLAN_SUBMITTED.name(), this::workPlanSubmitted);
        routes.put(AssignmentEvents.SUPPORT_REQUEST_FILED.name(), this::supportRequestFiled);
        routes.put(AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED.name(), this::supportRequestMessagePosted);
        routes.put(AssignmentEvents.SUPPORT_REQUEST_ACCEPTED.name(), this::supportRequestDecided);
        routes.put(AssignmentEvents.SUPPORT_REQUEST_DECLINED.name(), this::supportRequestDecided);
        routes.put(AssignmentEvents.SUPPORT_REQUEST_WITHDRAWN.name(), this::supportRequestDecided);

        routes.put(ReportEvents.WEEKLY_REPORT_DUE.name(), this::weeklyReportDue);
        routes.put(ReportEvents.WEEKLY_REPORT_OVERDUE.name(), this::weeklyReportOverdue);
        routes.put(ReportEvents.WEEKLY_REPORT_RETURNED.name(), this::weeklyReportReturned);
        routes.put(ReportEvents.WEEKLY_REPORT_ACCEPTED.name(), this::weeklyReportAccepted);
        routes.put(ReportEvents.WEEKLY_REPORT_SUBMITTED.name(), this::weeklyReportSubmitted);
        routes.put(ReportEvents.FINAL_REPORT_SUBMITTED.name(), this::finalReportSubmitted);
        routes.put(ReportEvents.FINAL_REPORT_RETURNED.name(), this::finalReportReturned);
        routes.put(ReportEvents.FINAL_REPORT_ACCEPTED.name(), this::finalReportAccepted);
        routes.put(ReportEvents.FINAL_REPORT_OVERDUE.name(), this::finalReportOverdue);

        routes.put(ReportEvents.ISSUE_RAISED.name(), this::issueRaised);
        routes.put(ReportEvents.ISSUE_ESCALATED.name(), this::issueEscalated);
        routes.put(ReportEvents.ISSUE_ANSWERED.name(), this::issueAnswered);
        routes.put(ReportEvents.ISSUE_ANSWERED_ON_SITE.name(), this::issueAnswered);
        routes.put(ReportEvents.ISSUE_REFERRED.name(), this::issueReferred);
        routes.put(ReportEvents.ISSUE_OVERDUE.name(), this::issueOverdue);
        routes.put(ReportEvents.ISSUE_CLOSED.name(), this::issueClosedOrReopened);
        routes.put(ReportEvents.ISSUE_REOPENED.name(), this::issueClosedOrReopened);
        // field-visit.recorded is deliberately absent: an officer records several a week, nobody needs a message
    }

    /**
     * The entries of an event: none for a fact entered after it happened (its payload's
     * {@code enteredAfterTheFact}, see {@link #enteredAfterTheFact}); webhooks and reminders still see the event.
     */
    public List<InboxEntry> entriesFor(EventEnvelope event) {
        Function<EventEnvelope, List<InboxEntry>> route = routes.get(event.type());
        if (route == null) {
            return List.of();
        }
        if (enteredAfterTheFact(event)) {
            LOG.debugf("Event %s (%s) records a past fact, nobody notified", event.id(), event.type());
            return List.of();
        }
        return route.apply(event);
    }

    /**
     * Whether the event records a fact entered after it happened: its payload carries {@code enteredAfterTheFact}
     * (weekly and final reports, issues, field visits, work plans). The record of the past reminds nobody: whoever
     * it concerned has long acted on it, or the deadline it announces is over.
     */
    public static boolean enteredAfterTheFact(EventEnvelope event) {
        return event.data() != null && event.data().path("enteredAfterTheFact").isObject();
    }

    // ---- personnel.events

    private List<InboxEntry> officialRegistered(EventEnvelope event) {
        OfficialSnapshot official = codec.data(event, OfficialSnapshot.class);
        if (official.importId() != null) {
            // a bulk import is announced once, by officials.imported, not once per row
            return List.of();
        }
        String position = official.position() == null ? "" : " (" + official.position() + ")";
        return new Entries(event).to(Audience.role(Roles.MINISTRY_ADMIN, require(event, official.ministryCode(),
                        "ministryCode"), null, null), new Text(
                "Cán bộ mới: " + official.fullName(),
                official.fullName() + position + " đã được thêm vào danh sách cán bộ của "
                        + ministryName(event, official.ministryCode(), Names.VI) + ".",
                "New official: " + official.fullName(),
                official.fullName() + position + " was added to the officials of the "
                        + ministryName(event, official.ministryCode(), Names.EN) + ".")).list();
    }

    private List<InboxEntry> officialsImported(EventEnvelope event) {
        OfficialsImported imported = codec.data(event, OfficialsImported.class);
        String decision = imported.decision() == null ? "" : " theo " + imported.decision();
        String decisionEn = imported.decision() == null ? "" : " under " + imported.decision();
        return new Entries(event).to(Audience.role(Roles.MINISTRY_ADMIN, require(event, imported.ministryCode(),
                        "ministryCode"), null, null), new Text(
                "Nhập danh sách cán bộ" + decision,
                "Tệp " + imported.fileName() + ": " + imported.created() + " cán bộ mới, " + imported.updated()
                        + " cập nhật, " + imported.unchanged() + " không đổi (" + imported.importedBy() + ").",
                "Officials imported" + decisionEn,
                "File " + imported.fileName() + ": " + imported.created() + " new, " + imported.updated()
                        + " updated, " + imported.unchanged() + " unchanged (" + imported.importedBy() + ").")).list();
    }

    // ---- assignment.events

    private List<InboxEntry> assignmentCreated(EventEnvelope event) {
        AssignmentSnapshot a = codec.data(event, AssignmentSnapshot.class);
        if (endedBefore(event, a.endDate())) {
            return List.of();
        }
        if (a.withoutProvince()) {
            return new Entries(event)
                    .to(official(event, a.officialId()), new Text(
                            "LEAD".equals(a.role()) ? "Bạn được cử làm trưởng " + GROUP_VI
                                    + (a.leadTitle() == null ? "" : " (" + a.leadTitle() + ")")
                                    : "Bạn được cử tham gia " + GROUP_VI,
                            "Thời gian: " + period(a.startDate(), a.endDate()) + " ("
                                    + ministryName(event, a.ministryCode(), Names.VI) + ").",
                            "LEAD".equals(a.role()) ? "You are named to lead " + GROUP_EN
                                    : "You are named to " + GROUP_EN,
                            "Period: " + period(a.startDate(), a.endDate()) + " ("
                                    + ministryName(event, a.ministryCode(), Names.EN) + ")."))
                    .list();
        }
        province(event, a.provinceCode());
        return new Entries(event)
                .to(official(event, a.officialId()), new Text(
                        "Bạn được cử tăng cường tại " + provinceName(event, a.provinceCode(), Names.VI),
                        "Thời gian tăng cường: " + period(a.startDate(), a.endDate()) + " ("
                                + ministryName(event, a.ministryCode(), Names.VI) + ").",
                        "You are seconded to " + provinceName(event, a.provinceCode(), Names.EN),
                        "Period: " + period(a.startDate(), a.endDate()) + " ("
                                + ministryName(event, a.ministryCode(), Names.EN) + ")."))
                .list();
    }

    private List<InboxEntry> assignmentRescheduled(EventEnvelope event) {
        AssignmentSnapshot a = codec.data(event, AssignmentSnapshot.class);
        if (endedBefore(event, a.endDate())) {
            return List.of();
        }
        if (a.withoutProvince()) {
            // a group's member: no province's liaisons to tell; the deployment's own event tells them of its stops
            String period = period(a.startDate(), a.endDate());
            return new Entries(event)
                    .to(official(event, a.officialId()), new Text("Thời gian tham gia " + GROUP_VI + " đã thay đổi",
                            "Thời gian mới: " + period + ".", "Your time in " + GROUP_EN + " has changed",
                            "New period: " + period + "."))
                    .list();
        }
        String province = province(event, a.provinceCode());
        String vi = provinceName(event, province, Names.VI);
        String en = provinceName(event, province, Names.EN);
        String period = period(a.startDate(), a.endDate());
        String name = nameOf(a.officialId(), a.ministryCode());
        return new Entries(event)
                .to(official(event, a.officialId()), new Text("Thời gian tăng cường tại " + vi + " đã thay đổi",
                        "Thời gian mới: " + period + ".",
                        "Your secondment to " + en + " has a new period", "New period: " + period + "."))
                .to(Audience.liaisons(province), new Text("Thay đổi thời gian tăng cường tại " + vi + ": " + name,
                        name + " (" + ministryName(event, a.ministryCode(), Names.VI) + "): thời gian mới " + period
                                + ".",
                        "New secondment period in " + en + ": " + name,
                        name + " (" + ministryName(event, a.ministryCode(), Names.EN) + "): new period " + period
                                + "."))
                .list();
    }

    /**
     * Whether the assignment had ended before the event happened (a round entered after it ran): its official and
     * province have nothing to act on, so nobody hears.
     */
    private static boolean endedBefore(EventEnvelope event, LocalDate end) {
        return end != null && event.time() != null
                && end.isBefore(event.time().atZone(VietnamTime.ZONE).toLocalDate());
    }

    private List<InboxEntry> assignmentWithdrawn(EventEnvelope event) {
        AssignmentSnapshot a = codec.data(event, AssignmentSnapshot.class);
        String vi = placeVi(event, a);
        String en = placeEn(event, a);
        String name = nameOf(a.officialId(), a.ministryCode());
        String period = period(a.startDate(), a.endDate());
        return new Entries(event)
                .to(official(event, a.officialId()), new Text("Phân công tăng cường tại " + vi + " đã bị rút",
                        "Phân công " + period + " không còn hiệu lực.",
                        "Your secondment to " + en + " was withdrawn",
                        "The assignment " + period + " is no longer in force."))
                .to(coordinators(event, a.ministryCode()), new Text("Rút cán bộ tăng cường tại " + vi + ": " + name,
                        name + ", " + period + ".",
                        "Official withdrawn from " + en + ": " + name, name + ", " + period + "."))
                .list();
    }

    private List<InboxEntry> assignmentReplaced(EventEnvelope event) {
        AssignmentSnapshot a = codec.data(event, AssignmentSnapshot.class);
        String vi = placeVi(event, a);
        String en = placeEn(event, a);
        String name = nameOf(a.officialId(), a.ministryCode());
        String period = period(a.startDate(), a.endDate());
        return new Entries(event)
                .to(official(event, a.officialId()), new Text("Phân công tăng cường tại " + vi
                                + " đã chuyển cho cán bộ khác",
                        "Phân công " + period + " đã được giao cho cán bộ khác.",
                        "Your secondment to " + en + " went to another official",
                        "The assignment " + period + " was given to another official."))
                .to(coordinators(event, a.ministryCode()), new Text("Thay cán bộ tăng cường tại " + vi + ": " + name,
                        name + " được thay bằng cán bộ khác, " + period + ".",
                        "Official replaced in " + en + ": " + name,
                        name + " was replaced by another official, " + period + "."))
                .list();
    }

    /**
     * Coordinators and the liaisons of every target province. The officials hear through the rescheduled event
     * of each assignment the decision moved, so they are not addressed twice here.
     */
    private List<InboxEntry> deploymentRescheduled(EventEnvelope event) {
        DeploymentSnapshot d = codec.data(event, DeploymentSnapshot.class);
        boolean amended = d.amendment() != null && d.amendment().decisionNumber() != null;
        String reason = amended && d.amendment().reason() != null ? ": " + d.amendment().reason() : "";
        String period = period(d.startDate(), d.endDate());
        Text text = new Text("Đợt tăng cường " + label(d) + " thay đổi thời gian",
                "Thời gian mới: " + period + (amended ? " theo " + d.amendment().decisionNumber() + reason : "") + ".",
                "Secondment round " + label(d) + " has a new period",
                "New period: " + period + (amended ? " under " + d.amendment().decisionNumber() + reason : "") + ".");
        Entries entries = new Entries(event).to(coordinators(event, d.ministryCode()), text);
        Text toProvinces = new Text(text.title(), ministryName(event, d.ministryCode(), Names.VI) + ". " + text.body(),
                text.titleEn(), ministryName(event, d.ministryCode(), Names.EN) + ". " + text.bodyEn());
        provincesOf(d).forEach(p -> entries.to(Audience.liaisons(p), toProvinces));
        return entries.list();
    }

    private List<InboxEntry> deploymentCancelled(EventEnvelope event) {
        DeploymentSnapshot d = codec.data(event, DeploymentSnapshot.class);
        String ministryVi = ministryName(event, d.ministryCode(), Names.VI);
        String ministryEn = ministryName(event, d.ministryCode(), Names.EN);
        if (Boolean.FALSE.equals(d.issued())) {
            // a draft dropped before its decision was issued: the provinces never heard of it, the coordinators did
            return new Entries(event).to(coordinators(event, d.ministryCode()), new Text(
                    "Dự thảo đợt tăng cường " + label(d) + " đã bị hủy trước khi ban hành",
                    (d.name() == null ? "Dự thảo đợt tăng cường" : d.name()) + " (" + ministryVi
                            + ") đã bị hủy trước khi ban hành; các tỉnh không được thông báo.",
                    "Draft secondment round " + label(d) + " cancelled before it was issued",
                    (d.name() == null ? "The draft round" : d.name()) + " (" + ministryEn
                            + ") was cancelled before it was issued; the provinces were not told.")).list();
        }
        Text text = new Text("Đợt tăng cường " + label(d) + " bị hủy",
                (d.name() == null ? "Đợt tăng cường" : d.name()) + " (" + ministryVi + ") đã bị hủy.",
                "Secondment round " + label(d) + " cancelled",
                (d.name() == null ? "The round" : d.name()) + " (" + ministryEn + ") was cancelled.");
        Entries entries = new Entries(event).to(coordinators(event, d.ministryCode()), text);
        provincesOf(d).forEach(p -> entries.to(Audience.liaisons(p), text));
        return entries.list();
    }

    private List<InboxEntry> workPlanSubmitted(EventEnvelope event) {
        WorkPlanSubmitted plan = codec.data(event, WorkPlanSubmitted.class);
        if (!plan.late()) {
            return List.of();
        }
        String name = nameOf(plan.officialId(), plan.ministryCode());
        return new Entries(event)
                .to(coordinators(event, plan.ministryCode()), new Text(
                        "Lịch công tác tuần " + plan.week() + " nộp muộn: " + name,
                        name + " (tại " + provinceName(event, plan.provinceCode(), Names.VI)
                                + ") nộp lịch công tác tuần " + plan.week() + " sau khi tuần đã bắt đầu.",
                        "Work plan " + plan.week() + " submitted late: " + name,
                        name + " (in " + provinceName(event, plan.provinceCode(), Names.EN)
                                + ") submitted the work plan of " + plan.week() + " after the week had begun."))
                .list();
    }

    // ---- assignment.events: province support requests (both sides hear every step)

    private List<InboxEntry> supportRequestFiled(EventEnvelope event) {
        SupportRequestSnapshot r = codec.data(event, SupportRequestSnapshot.class);
        boolean urgent = "URGENT".equals(r.urgency());
        String wished = r.wishedStart() == null ? "" : ", " + period(r.wishedStart(), r.wishedEnd());
        return new Entries(event).to(coordinators(event, r.ministryCode()), new Text(
                        (urgent ? "[Khẩn] " : "") + "Đề nghị hỗ trợ của " + provinceName(event, r.provinceCode(),
                                Names.VI) + ": " + r.topic(),
                        "Gửi " + ministryName(event, r.ministryCode(), Names.VI) + communesOf(event, r, Names.VI)
                                + (wished.isEmpty() ? "" : "; thời gian mong muốn" + wished.substring(1)) + ".",
                        (urgent ? "[Urgent] " : "") + "Support request from " + provinceName(event, r.provinceCode(),
                                Names.EN) + ": " + r.topic(),
                        "To the " + ministryName(event, r.ministryCode(), Names.EN) + communesOf(event, r, Names.EN)
                                + (wished.isEmpty() ? "" : "; wished for" + wished.substring(1)) + "."))
                .list();
    }

    /** To the other side: a ministry's question to the province's liaisons, a province's answer to the coordinators. */
    private List<InboxEntry> supportRequestMessagePosted(EventEnvelope event) {
        SupportRequestSnapshot r = codec.data(event, SupportRequestSnapshot.class);
        String provinceVi = provinceName(event, r.provinceCode(), Names.VI);
        String provinceEn = provinceName(event, r.provinceCode(), Names.EN);
        if ("MINISTRY".equals(r.lastMessageBy())) {
            return new Entries(event).to(Audience.liaisons(require(event, r.provinceCode(), "provinceCode")),
                    new Text(ministryName(event, r.ministryCode(), Names.VI) + " hỏi về đề nghị hỗ trợ: " + r.topic(),
                            "Đề nghị hỗ trợ của " + provinceVi + " có câu hỏi mới, cần tỉnh trả lời.",
                            "The " + ministryName(event, r.ministryCode(), Names.EN) + " asks about a support request: "
                                    + r.topic(),
                            "The support request of " + provinceEn + " has a new question for the province."))
                    .list();
        }
        return new Entries(event).to(coordinators(event, r.ministryCode()),
                new Text(provinceVi + " trả lời về đề nghị hỗ trợ: " + r.topic(),
                        provinceVi + " đã viết thêm về đề nghị hỗ trợ gửi "
                                + ministryName(event, r.ministryCode(), Names.VI) + ".",
                        provinceEn + " wrote about its support request: " + r.topic(),
                        provinceEn + " wrote more about its support request to the "
                                + ministryName(event, r.ministryCode(), Names.EN) + "."))
                .list();
    }

    /** Accepted, declined or withdrawn: the province's liaisons and the ministry's coordinators alike. */
    private List<InboxEntry> supportRequestDecided(EventEnvelope event) {
        SupportRequestSnapshot r = codec.data(event, SupportRequestSnapshot.class);
        String ministryVi = ministryName(event, r.ministryCode(), Names.VI);
        String ministryEn = ministryName(event, r.ministryCode(), Names.EN);
        String provinceVi = provinceName(event, r.provinceCode(), Names.VI);
        String provinceEn = provinceName(event, r.provinceCode(), Names.EN);
        String reasonVi = r.reason() == null ? "" : " Lý do: " + r.reason();
        String reasonEn = r.reason() == null ? "" : " Reason: " + r.reason();
        Text text;
        if (AssignmentEvents.SUPPORT_REQUEST_ACCEPTED.name().equals(event.type())) {
            text = new Text(ministryVi + " chấp nhận đề nghị hỗ trợ của " + provinceVi + ": " + r.topic(),
                    "Một đợt hỗ trợ theo đề nghị của tỉnh được lập; thời gian và thành phần theo quyết định của "
                            + ministryVi + ".",
                    "The " + ministryEn + " accepted the support request of " + provinceEn + ": " + r.topic(),
                    "A support round answering the province's request was set up; its period and members follow "
                            + "the decision of the " + ministryEn + ".");
        } else if (AssignmentEvents.SUPPORT_REQUEST_DECLINED.name().equals(event.type())) {
            text = new Text(ministryVi + " không chấp nhận đề nghị hỗ trợ của " + provinceVi + ": " + r.topic(),
                    "Đề nghị không được chấp nhận." + reasonVi,
                    "The " + ministryEn + " declined the support request of " + provinceEn + ": " + r.topic(),
                    "The request was declined." + reasonEn);
        } else {
            text = new Text(provinceVi + " rút đề nghị hỗ trợ: " + r.topic(),
                    "Đề nghị gửi " + ministryVi + " đã được rút." + reasonVi,
                    provinceEn + " withdrew its support request: " + r.topic(),
                    "The request to the " + ministryEn + " was withdrawn." + reasonEn);
        }
        return new Entries(event)
                .to(Audience.liaisons(require(event, r.provinceCode(), "provinceCode")), text)
                .to(coordinators(event, r.ministryCode()), text)
                .list();
    }

    private String communesOf(EventEnvelope event, SupportRequestSnapshot r, String language) {
        if (r.communeCodes() == null || r.communeCodes().isEmpty()) {
            return "";
        }
        return (Names.VI.equals(language) ? "; xã, phường: " : "; communes: ") + String.join(", ",
                r.communeCodes().stream().map(c -> names.commune(c, event.time(), language)).toList());
    }

    // ---- report.events: weekly and final reports

    /** Not when its deadline had passed when the event happened: the overdue announcement tells of it. */
    private List<InboxEntry> weeklyReportDue(EventEnvelope event) {
        WeeklyReportSnapshot r = codec.data(event, WeeklyReportSnapshot.class);
        if (r.dueAt() != null && event.time() != null && !r.dueAt().isAfter(event.time())) {
            return List.of();
        }
        String province = provinceName(event, r.provinceCode(), Names.VI);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Đến hạn báo cáo tuần " + r.week(),
                        "Hạn nộp: " + deadline(r.dueAt()) + ".",
                        "Weekly report " + r.week() + " is due", "Deadline: " + deadlineEn(r.dueAt()) + "."))
                .grouped(new Group(String.valueOf(r.assignmentId()),
                        "%d báo cáo tuần đến hạn — tại " + province,
                        "%d báo cáo tuần của bạn tại " + province + " đang chờ nộp.",
                        "%d weekly reports due — " + provinceName(event, r.provinceCode(), Names.EN),
                        "%d of your weekly reports in " + provinceName(event, r.provinceCode(), Names.EN)
                                + " are waiting to be submitted.",
                        link("/api/report/weekly-reports", "assignment", r.assignmentId(), "status", "DUE")))
                .list();
    }
    private List<InboxEntry> weeklyReportOverdue(EventEnvelope event) {
        WeeklyReportSnapshot r = codec.data(event, WeeklyReportSnapshot.class);
        String name = nameOf(r.officialId(), r.ministryCode());
        String provinceVi = provinceName(event, r.provinceCode(), Names.VI);
        String provinceEn = provinceName(event, r.provinceCode(), Names.EN);
        String ministryVi = ministryName(event, r.ministryCode(), Names.VI);
        String ministryEn = ministryName(event, r.ministryCode(), Names.EN);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Báo cáo tuần " + r.week() + " quá hạn",
                        "Hạn nộp " + deadline(r.dueAt()) + " đã qua mà báo cáo chưa được nộp.",
                        "Weekly report " + r.week() + " overdue",
                        "The deadline, " + deadlineEn(r.dueAt()) + ", has passed and the report was not submitted."))
                .grouped(new Group(String.valueOf(r.assignmentId()),
                        "%d báo cáo tuần quá hạn — tại " + provinceVi,
                        "%d báo cáo tuần của bạn tại " + provinceVi + " đã quá hạn mà chưa được nộp.",
                        "%d weekly reports overdue — " + provinceEn,
                        "%d of your weekly reports in " + provinceEn + " are overdue.",
                        link("/api/report/weekly-reports", "assignment", r.assignmentId(), "overdue", "true")))
                .to(coordinators(event, r.ministryCode()), new Text("Báo cáo tuần " + r.week() + " quá hạn: " + name,
                        name + " (tại " + provinceVi + ") chưa nộp báo cáo tuần " + r.week() + ", hạn "
                                + deadline(r.dueAt()) + ".",
                        "Weekly report " + r.week() + " overdue: " + name,
                        name + " (in " + provinceEn + ") has not submitted the weekly report of " + r.week()
                                + ", due " + deadlineEn(r.dueAt()) + "."))
                .grouped(new Group(r.week(),
                        "%d báo cáo tuần quá hạn — " + ministryVi + ", tuần " + r.week(),
                        "%d cán bộ của " + ministryVi + " chưa nộp báo cáo tuần " + r.week() + " đúng hạn.",
                        "%d weekly reports overdue — " + ministryEn + ", week " + r.week(),
                        "%d officials of the " + ministryEn + " have not submitted their weekly report of "
                                + r.week() + " on time.",
                        link("/api/report/weekly-reports", "ministry", r.ministryCode(), "week", r.week(),
                                "overdue", "true")))
                .list();
    }
    private List<InboxEntry> weeklyReportReturned(EventEnvelope event) {
        WeeklyReportSnapshot r = codec.data(event, WeeklyReportSnapshot.class);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Báo cáo tuần " + r.week() + " bị trả lại",
                        comment(r.reviewComment(), "Báo cáo cần được chỉnh sửa và nộp lại."),
                        "Weekly report " + r.week() + " returned",
                        commentEn(r.reviewComment(), "The report needs changes and a new submission.")))
                .list();
    }

    private List<InboxEntry> weeklyReportAccepted(EventEnvelope event) {
        WeeklyReportSnapshot r = codec.data(event, WeeklyReportSnapshot.class);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Báo cáo tuần " + r.week() + " đã được chấp nhận",
                        comment(r.reviewComment(), "Không có nhận xét."),
                        "Weekly report " + r.week() + " accepted", commentEn(r.reviewComment(), "No comment.")))
                .list();
    }

    /** Not grouped: each submission is a report for a coordinator to review, and they arrive one by one. */
    private List<InboxEntry> weeklyReportSubmitted(EventEnvelope event) {
        WeeklyReportSnapshot r = codec.data(event, WeeklyReportSnapshot.class);
        String name = nameOf(r.officialId(), r.ministryCode());
        return new Entries(event)
                .to(coordinators(event, r.ministryCode()), new Text("Báo cáo tuần " + r.week() + " đã nộp: " + name,
                        name + " (tại " + provinceName(event, r.provinceCode(), Names.VI) + ") đã nộp báo cáo tuần "
                                + r.week() + (r.late() ? ", muộn hạn." : "."),
                        "Weekly report " + r.week() + " submitted: " + name,
                        name + " (in " + provinceName(event, r.provinceCode(), Names.EN)
                                + ") submitted the weekly report of " + r.week() + (r.late() ? ", late." : ".")))
                .list();
    }

    /** Not grouped, like a weekly report's submission. */
    private List<InboxEntry> finalReportSubmitted(EventEnvelope event) {
        FinalReportSnapshot r = codec.data(event, FinalReportSnapshot.class);
        String name = nameOf(r.officialId(), r.ministryCode());
        return new Entries(event)
                .to(coordinators(event, r.ministryCode()), new Text("Báo cáo tổng hợp cuối đợt đã nộp: " + name,
                        name + " (tại " + provinceName(event, r.provinceCode(), Names.VI)
                                + ") đã nộp báo cáo tổng hợp cuối đợt" + (r.late() ? ", muộn hạn." : "."),
                        "Final report submitted: " + name,
                        name + " (in " + provinceName(event, r.provinceCode(), Names.EN)
                                + ") submitted the final report" + (r.late() ? ", late." : ".")))
                .list();
    }

    private List<InboxEntry> finalReportReturned(EventEnvelope event) {
        FinalReportSnapshot r = codec.data(event, FinalReportSnapshot.class);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Báo cáo tổng hợp cuối đợt bị trả lại",
                        comment(r.reviewComment(), "Báo cáo cần được chỉnh sửa và nộp lại."),
                        "Final report returned",
                        commentEn(r.reviewComment(), "The report needs changes and a new submission.")))
                .list();
    }

    private List<InboxEntry> finalReportAccepted(EventEnvelope event) {
        FinalReportSnapshot r = codec.data(event, FinalReportSnapshot.class);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Báo cáo tổng hợp cuối đợt đã được chấp nhận",
                        "Đợt tăng cường của bạn tại " + provinceName(event, r.provinceCode(), Names.VI)
                                + " đã hoàn thành." + (r.reviewComment() == null ? "" : " Nhận xét: " + r.reviewComment()),
                        "Final report accepted",
                        "Your secondment to " + provinceName(event, r.provinceCode(), Names.EN) + " is complete."
                                + (r.reviewComment() == null ? "" : " Comment: " + r.reviewComment())))
                .list();
    }

    private List<InboxEntry> finalReportOverdue(EventEnvelope event) {
        FinalReportSnapshot r = codec.data(event, FinalReportSnapshot.class);
        String name = nameOf(r.officialId(), r.ministryCode());
        String ministryVi = ministryName(event, r.ministryCode(), Names.VI);
        String ministryEn = ministryName(event, r.ministryCode(), Names.EN);
        return new Entries(event)
                .to(official(event, r.officialId()), new Text("Báo cáo tổng hợp cuối đợt quá hạn",
                        "Hạn nộp " + deadline(r.dueAt()) + " đã qua mà báo cáo chưa được nộp.",
                        "Final report overdue",
                        "The deadline, " + deadlineEn(r.dueAt()) + ", has passed and the report was not submitted."))
                .to(coordinators(event, r.ministryCode()), new Text("Báo cáo tổng hợp cuối đợt quá hạn: " + name,
                        name + " (tại " + provinceName(event, r.provinceCode(), Names.VI)
                                + ") chưa nộp báo cáo tổng hợp cuối đợt, hạn " + deadline(r.dueAt()) + ".",
                        "Final report overdue: " + name,
                        name + " (in " + provinceName(event, r.provinceCode(), Names.EN)
                                + ") has not submitted the final report, due " + deadlineEn(r.dueAt()) + "."))
                .grouped(new Group("",
                        "%d báo cáo tổng hợp cuối đợt quá hạn — " + ministryVi,
                        "%d cán bộ của " + ministryVi + " chưa nộp báo cáo tổng hợp cuối đợt đúng hạn.",
                        "%d final reports overdue — " + ministryEn,
                        "%d officials of the " + ministryEn + " have not submitted their final report on time.",
                        link("/api/report/final-reports", "ministry", r.ministryCode(), "overdue", "true")))
                .list();
    }
    // ---- report.events: issues

    private List<InboxEntry> issueRaised(EventEnvelope event) {
        IssueSnapshot i = codec.data(event, IssueSnapshot.class);
        String province = province(event, i.provinceCode());
        Text text = new Text("Vướng mắc mới tại " + provinceName(event, province, Names.VI) + ": " + headline(i),
                "Lĩnh vực: " + i.fieldLabel()
                        + (i.communeCode() == null ? "" : ", " + names.commune(i.communeCode(), event.time(), Names.VI))
                        + "; " + ministryName(event, i.ministryCode(), Names.VI) + " trả lời.",
                "New issue in " + provinceName(event, province, Names.EN) + ": " + headlineEn(i),
                "Field: " + i.fieldLabelEn()
                        + (i.communeCode() == null ? "" : ", " + names.commune(i.communeCode(), event.time(), Names.EN))
                        + "; the " + ministryName(event, i.ministryCode(), Names.EN) + " answers.");
        return new Entries(event)
                .to(coordinators(event, i.ministryCode()), text)
                .to(Audience.liaisons(province), text)
                .list();
    }

    private List<InboxEntry> issueEscalated(EventEnvelope event) {
        IssueSnapshot i = codec.data(event, IssueSnapshot.class);
        String unit = require(event, i.escalatedToUnit(), "escalatedToUnit");
        Text text = new Text("Vướng mắc chuyển " + unit + ": " + headline(i),
                "Tại " + provinceName(event, i.provinceCode(), Names.VI) + ". " + (i.deadline() == null
                        ? "Chưa có hạn trả lời." : "Hạn trả lời: " + DAY.format(i.deadline()) + "."),
                "Issue escalated to " + unit + ": " + headlineEn(i),
                "In " + provinceName(event, i.provinceCode(), Names.EN) + ". " + (i.deadline() == null
                        ? "No deadline for the answer yet." : "Answer due by " + DAY.format(i.deadline()) + "."));
        return new Entries(event)
                .to(coordinators(event, i.answeringMinistry()), text)
                .to(Audience.unit(i.answeringMinistry(), unit), text)
                .list();
    }

    /** To whoever raised it: the officer when the issue names one, else the province's liaisons (who raised it). */
    private List<InboxEntry> issueAnswered(EventEnvelope event) {
        IssueSnapshot i = codec.data(event, IssueSnapshot.class);
        boolean onSite = ReportEvents.ISSUE_ANSWERED_ON_SITE.name().equals(event.type());
        String ministryVi = ministryName(event, i.answeringMinistry(), Names.VI);
        String ministryEn = ministryName(event, i.answeringMinistry(), Names.EN);
        Text text = new Text("Vướng mắc đã được trả lời: " + headline(i),
                onSite ? "Đã trả lời tại chỗ theo hướng dẫn hiện hành của " + ministryVi + "."
                        : (i.escalatedToUnit() == null ? ministryVi : i.escalatedToUnit() + " (" + ministryVi + ")")
                        + " đã trả lời.",
                "Issue answered: " + headlineEn(i),
                onSite ? "Answered on the spot under the current guidance of the " + ministryEn + "."
                        : (i.escalatedToUnit() == null ? "The " + ministryEn
                        : i.escalatedToUnit() + " (" + ministryEn + ")") + " answered.");
        Optional<Audience> raiser = i.officialId() != null ? official(event, i.officialId())
                : Optional.of(Audience.liaisons(province(event, i.provinceCode())));
        return new Entries(event).to(raiser, text).list();
    }

    /**
     * To the coordinators of the ministry that answers it now: the one it was referred to, or, referred back, the
     * one first addressed (the payload then names no {@code referredToMinistry}).
     */
    private List<InboxEntry> issueReferred(EventEnvelope event) {
        IssueSnapshot i = codec.data(event, IssueSnapshot.class);
        String answering = require(event, i.answeringMinistry(), "ministryCode");
        boolean back = answering.equals(i.ministryCode());
        String body = "Tại " + provinceName(event, i.provinceCode(), Names.VI) + ", lĩnh vực " + i.fieldLabel() + "; "
                + ministryName(event, answering, Names.VI) + " trả lời vướng mắc này"
                + (back ? "." : " (gửi đầu tiên tới " + ministryName(event, i.ministryCode(), Names.VI) + ").");
        String bodyEn = "In " + provinceName(event, i.provinceCode(), Names.EN) + ", field " + i.fieldLabelEn()
                + "; the " + ministryName(event, answering, Names.EN) + " answers this issue"
                + (back ? "." : " (first addressed to the " + ministryName(event, i.ministryCode(), Names.EN) + ").");
        return new Entries(event)
                .to(coordinators(event, answering), new Text("Vướng mắc được chuyển đến "
                        + ministryName(event, answering, Names.VI) + ": " + headline(i), body,
                        "Issue referred to the " + ministryName(event, answering, Names.EN) + ": " + headlineEn(i),
                        bodyEn))
                .list();
    }

    private List<InboxEntry> issueOverdue(EventEnvelope event) {
        IssueSnapshot i = codec.data(event, IssueSnapshot.class);
        String answering = i.answeringMinistry();
        String title = "Vướng mắc quá hạn trả lời: " + headline(i);
        String body = (i.deadline() == null ? "Hạn trả lời" : "Hạn " + DAY.format(i.deadline())) + " đã qua"
                + (i.escalatedToUnit() == null ? "" : ", đơn vị " + i.escalatedToUnit() + " chưa trả lời") + ".";
        String titleEn = "Issue overdue: " + headlineEn(i);
        String bodyEn = (i.deadline() == null ? "The deadline" : "The deadline " + DAY.format(i.deadline()))
                + " has passed" + (i.escalatedToUnit() == null ? "" : ", unit " + i.escalatedToUnit()
                + " has not answered") + ".";
        String ministryVi = ministryName(event, answering, Names.VI);
        String ministryEn = ministryName(event, answering, Names.EN);
        Entries entries = new Entries(event).to(coordinators(event, answering), new Text(title, body, titleEn, bodyEn))
                .grouped(new Group("",
                        "%d vướng mắc quá hạn trả lời — " + ministryVi,
                        "%d vướng mắc gửi " + ministryVi + " đã quá hạn trả lời.",
                        "%d issues overdue — " + ministryEn,
                        "%d issues addressed to the " + ministryEn + " are past their deadline without an answer.",
                        link("/api/report/issues", "ministry", answering, "overdue", "true")));
        if (i.escalatedToUnit() != null) {
            entries.to(Audience.unit(answering, i.escalatedToUnit()), new Text(title, body, titleEn, bodyEn))
                    .grouped(new Group("",
                            "%d vướng mắc quá hạn trả lời — " + i.escalatedToUnit() + ", " + ministryVi,
                            "%d vướng mắc chuyển " + i.escalatedToUnit() + " đã quá hạn trả lời.",
                            "%d issues overdue — " + i.escalatedToUnit() + ", " + ministryEn,
                            "%d issues escalated to " + i.escalatedToUnit() + " are past their deadline.",
                            link("/api/report/issues", "ministry", answering, "unit", i.escalatedToUnit(),
                                    "overdue", "true")));
        }
        return entries.list();
    }
    private List<InboxEntry> issueClosedOrReopened(EventEnvelope event) {
        IssueSnapshot i = codec.data(event, IssueSnapshot.class);
        boolean closed = ReportEvents.ISSUE_CLOSED.name().equals(event.type());
        return new Entries(event)
                .to(coordinators(event, i.answeringMinistry()), new Text(
                        (closed ? "Vướng mắc đã đóng: " : "Vướng mắc được mở lại: ") + headline(i),
                        "Tại " + provinceName(event, i.provinceCode(), Names.VI) + ", lĩnh vực " + i.fieldLabel()
                                + ".",
                        (closed ? "Issue closed: " : "Issue reopened: ") + headlineEn(i),
                        "In " + provinceName(event, i.provinceCode(), Names.EN) + ", field " + i.fieldLabelEn() + "."))
                .list();
    }

    // ---- recipients and words

    /**
     * The official's inbox, by the email personnel-service announced. An official the directory does not know
     * (yet) cannot be addressed: the event's other recipients still hear, and the skip is logged.
     */
    private Optional<Audience> official(EventEnvelope event, UUID officialId) {
        Optional<String> email = officials.find(officialId).map(o -> o.email).filter(e -> !e.isBlank());
        if (email.isEmpty()) {
            LOG.warnf("Event %s (%s): official %s has no known email, not notified", event.id(), event.type(),
                    officialId);
        }
        return email.map(e -> new Audience(null, event.ministry(), null, null, e));
    }

    private static Audience coordinators(EventEnvelope event, String ministry) {
        return Audience.role(Roles.COORDINATOR, require(event, ministry, "ministryCode"), null, null);
    }

    private String provinceName(EventEnvelope event, String code, String language) {
        return names.province(code, event.time(), language);
    }

    private String ministryName(EventEnvelope event, String code, String language) {
        return names.ministry(code, event.time(), language);
    }

    private String nameOf(UUID officialId, String ministry) {
        return officials.find(officialId).map(o -> o.fullName).orElse("Cán bộ " + ministry);
    }

    /**
     * Where an assignment sends its official, to follow "tại" in a text: the province's name, or for a member of a
     * delegation or working group (no province; this service keeps no deployments to name it) the group.
     */
    private String placeVi(EventEnvelope event, AssignmentSnapshot a) {
        return a.withoutProvince() ? GROUP_VI : provinceName(event, province(event, a.provinceCode()), Names.VI);
    }

    /** As {@link #placeVi}, in English: "Ho Chi Minh City", or the group. */
    private String placeEn(EventEnvelope event, AssignmentSnapshot a) {
        return a.withoutProvince() ? GROUP_EN : provinceName(event, province(event, a.provinceCode()), Names.EN);
    }

    private static String province(EventEnvelope event, String province) {
        return require(event, province, "provinceCode");
    }

    private static List<String> provincesOf(DeploymentSnapshot d) {
        return d.provinceCodes() == null ? List.of() : d.provinceCodes().stream().distinct().toList();
    }

    private static String label(DeploymentSnapshot d) {
        return d.decisionNumber() != null ? d.decisionNumber() : String.valueOf(d.name());
    }

    private static String headline(IssueSnapshot i) {
        return (i.urgent() ? "[Khẩn] " : "") + i.title();
    }

    /** The issue's title as its raiser wrote it (in Vietnamese), marked urgent in English. */
    private static String headlineEn(IssueSnapshot i) {
        return (i.urgent() ? "[Urgent] " : "") + i.title();
    }

    private static String comment(String comment, String otherwise) {
        return comment == null || comment.isBlank() ? otherwise : "Nhận xét: " + comment;
    }

    private static String commentEn(String comment, String otherwise) {
        return comment == null || comment.isBlank() ? otherwise : "Comment: " + comment;
    }

    private static String period(LocalDate start, LocalDate end) {
        return (start == null ? "?" : DAY.format(start)) + " – " + (end == null ? "?" : DAY.format(end));
    }

    private static String deadlineEn(Instant at) {
        return at == null ? "(unknown)" : DEADLINE.format(at) + " (Vietnam time)";
    }

    /** A path of the public API with its query, each value URL-encoded ("BGDĐT"). */
    private static String link(String path, Object... parameters) {
        StringBuilder link = new StringBuilder(path);
        for (int k = 0; k < parameters.length; k += 2) {
            link.append(k == 0 ? '?' : '&').append(parameters[k]).append('=')
                    .append(URLEncoder.encode(String.valueOf(parameters[k + 1]), StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    private static String deadline(Instant at) {
        return at == null ? "(không rõ)" : DEADLINE.format(at) + " (giờ Việt Nam)";
    }

    private static String require(EventEnvelope event, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return value;
    }

    /**
     * Who an entry is for: one person by email, or every holder of a role within the given ministry, province
     * and unit (null: not narrowed by it).
     */
    private record Audience(String role, String ministry, String province, String unit, String email) {

        static Audience role(String role, String ministry, String province, String unit) {
            return new Audience(role, ministry, province, unit, null);
        }

        /** Sở Nội vụ of a province: every ministry's matters there, so never narrowed by ministry. */
        static Audience liaisons(String province) {
            return role(Roles.PROVINCE_LIAISON, null, province, null);
        }

        static Audience unit(String ministry, String unit) {
            return role(Roles.MINISTRY_UNIT, ministry, null, unit);
        }
    }

    /** An entry's words in Vietnamese and in English (mail in English, the console's English switch). */
    private record Text(String title, String body, String titleEn, String bodyEn) {
    }

    /**
     * How entries of one kind to one audience group (see {@code InboxGrouping}): what they must share besides kind and
     * audience ({@code key}, e.g. the ISO week), the group's texts with {@code %d} for the count, and the link to the
     * filtered list in the public API.
     */
    private record Group(String key, String title, String body, String titleEn, String bodyEn, String link) {
    }

    /** The entries one event makes, each created at the service clock's now. */
    private final class Entries {

        private final EventEnvelope event;
        private final List<InboxEntry> list = new ArrayList<>();
        /** The entry the last {@code to} made, null when its audience was absent: what {@link #grouped} applies to. */
        private InboxEntry last;

        Entries(EventEnvelope event) {
            this.event = event;
        }

        Entries to(Optional<Audience> audience, Text text) {
            last = null;
            audience.ifPresent(a -> to(a, text));
            return this;
        }

        Entries to(Audience audience, Text text) {
            InboxEntry entry = new InboxEntry();
            entry.id = UUID.randomUUID();
            entry.eventId = event.id();
            entry.eventType = event.type();
            entry.recipientEmail = audience.email();
            entry.audienceRole = audience.role();
            entry.ministry = audience.email() != null ? event.ministry() : audience.ministry();
            entry.province = audience.province();
            entry.unit = audience.unit();
            entry.title = title(text.title());
            entry.body = nfc(text.body());
            entry.titleEn = text.titleEn() == null ? null : title(text.titleEn());
            entry.bodyEn = text.bodyEn() == null ? null : nfc(text.bodyEn());
            entry.subjectType = event.type().substring(0, event.type().lastIndexOf('.'));
            entry.subjectId = event.subject();
            entry.createdAt = clock.instant();
            list.add(entry);
            last = entry;
            return this;
        }

        /**
         * Lets the last entry group with the other entries of its kind and audience that share {@code group.key}:
         * the key names the kind, the audience (role, ministry, province, unit, or the person's email) and that.
         */
        Entries grouped(Group group) {
            if (last != null) {
                last.groupKey = String.join("|", event.type(), String.valueOf(last.audienceRole),
                        String.valueOf(last.recipientEmail == null ? null
                                : last.recipientEmail.toLowerCase(java.util.Locale.ROOT)),
                        String.valueOf(last.ministry), String.valueOf(last.province), String.valueOf(last.unit),
                        group.key());
                last.link = group.link();
                last.groupText = new InboxEntry.GroupText(nfc(group.title()), nfc(group.body()),
                        group.titleEn() == null ? null : nfc(group.titleEn()),
                        group.bodyEn() == null ? null : nfc(group.bodyEn()));
            }
            return this;
        }

        List<InboxEntry> list() {
            return List.copyOf(list);
        }

        private static String title(String text) {
            String nfc = nfc(text);
            return nfc.length() > TITLE_MAX ? nfc.substring(0, TITLE_MAX - 1) + "…" : nfc;
        }

        /** Event text (names, titles, comments) may arrive decomposed; the inbox stores NFC like every service. */
        private static String nfc(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
    }
}
