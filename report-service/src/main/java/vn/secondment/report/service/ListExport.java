package vn.secondment.report.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import vn.secondment.data.Where;
import vn.secondment.events.AfterTheFact;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.report.rest.FinalReportFilter;
import vn.secondment.report.rest.FinalReportView;
import vn.secondment.report.rest.IssueFilter;
import vn.secondment.report.rest.IssueView;
import vn.secondment.report.rest.WeeklyReportFilter;
import vn.secondment.report.rest.WeeklyReportView;
import vn.secondment.report.security.IssueAccess;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableWriter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The weekly reports, final reports and issues of a list as a spreadsheet, one row per record, with Vietnamese
 * headers: the list's filters and scope, every matching row (no paging). The filters, the scope, whether names may
 * be shown and the row count are settled before the first byte (a bad request still gets its problem answer); the
 * rows are then streamed from a database cursor through the list's own views, so what is hidden there (names for a
 * viewer) is hidden here and overdue means the same.
 */
@ApplicationScoped
public class ListExport {

    /** The most rows one export holds; more is a 400 telling the caller to narrow the filters. */
    public static final int MAX_ROWS = 100_000;

    public static final List<String> WEEKLY_HEADERS = List.of("Bộ", "Mã tỉnh", "Tỉnh/thành phố", "Tuần", "Cán bộ",
            "Hạn nộp", "Trạng thái", "Nộp lúc", "Nộp muộn", "Quá hạn", "Tình hình chung", "Kết quả công việc",
            "Xã/phường đã đến", "Khó khăn vướng mắc", "Kiến nghị đề xuất", "Kế hoạch tuần tới",
            "Ý kiến người duyệt", "Nhập sau bởi", "Nhập sau lúc");

    public static final List<String> FINAL_HEADERS = List.of("Bộ", "Mã tỉnh", "Tỉnh/thành phố", "Cán bộ",
            "Ngày kết thúc", "Hạn nộp", "Trạng thái", "Nộp lúc", "Nộp muộn", "Quá hạn", "Tổng quan",
            "Kết quả đạt được", "Khó khăn", "Kiến nghị", "Bài học kinh nghiệm", "Ý kiến người duyệt",
            "Ngày chấp nhận", "Nhập sau bởi", "Nhập sau lúc");

    public static final List<String> ISSUE_HEADERS = List.of("Mã", "Bộ", "Bộ được chuyển", "Mã tỉnh",
            "Tỉnh/thành phố", "Mã xã", "Xã/phường", "Lĩnh vực", "Loại", "Khẩn", "Tiêu đề", "Nội dung", "Trạng thái",
            "Ngày nêu", "Tuần", "Người nêu", "Đơn vị được chuyển", "Hạn trả lời", "Quá hạn", "Trả lời",
            "Văn bản hướng dẫn", "Ngày trả lời", "Nhập sau bởi", "Nhập sau lúc");

    private final WeeklyReports weeklyReports;
    private final FinalReports finalReports;
    private final IssueService issues;
    private final AdministrativeUnits units;
    private final Clock clock;

    public ListExport(WeeklyReports weeklyReports, FinalReports finalReports, IssueService issues,
                      AdministrativeUnits units, Clock clock) {
        this.weeklyReports = weeklyReports;
        this.finalReports = finalReports;
        this.issues = issues;
        this.units = units;
        this.clock = clock;
    }

    /** The weekly reports, newest week first; too many is 400 on {@code week}, the narrowing that fits. */
    public StreamingOutput weeklyReports(WeeklyReportFilter filter, TableFormat format, ReportAccess access) {
        return reports(weeklyReports, filter, access, new Sheet<>("weekly reports", "week", "one week",
                "Báo cáo tuần", WEEKLY_HEADERS, this::weekly), format);
    }

    /** The final reports, latest deadline first; too many is 400 on {@code ministry}. */
    public StreamingOutput finalReports(FinalReportFilter filter, TableFormat format, ReportAccess access) {
        return reports(finalReports, filter, access, new Sheet<>("final reports", "ministry", "one ministry",
                "Báo cáo tổng hợp", FINAL_HEADERS, this::finalReport), format);
    }

    /**
     * How a kind of report is exported: what its rows are called in the 400 for too many, the filter to narrow
     * ({@code field}) with an example, the sheet's title and headers, and a view's row.
     */
    private record Sheet<V>(String what, String field, String narrower, String title, List<String> headers,
                            Function<V, List<Object>> row) {
    }

    private <V, F> StreamingOutput reports(ReportWorkflow<?, V, ?, F> reports, F filter, ReportAccess access,
                                           Sheet<V> sheet, TableFormat format) {
        Instant now = clock.instant();
        Where where = reports.where(filter, access, now);
        requireAtMost(reports.count(where), sheet.what(), sheet.field(), sheet.narrower());
        boolean personal = access.seesPersonalDetails();
        return output -> {
            try (TableWriter table = TableWriter.open(output, format, sheet.title(), sheet.headers())) {
                reports.each(where, personal, now, r -> table.row(sheet.row().apply(r)));
            }
        };
    }

    /** The issues, in the list's order ({@code sort}); too many is 400 on {@code from}, the first day raised. */
    public StreamingOutput issues(IssueFilter filter, TableFormat format, IssueAccess access) {
        LocalDate today = issues.today();
        Sort sort = IssueService.sort(filter);
        Where where = issues.where(filter, access, today);
        requireAtMost(issues.count(where), "issues", "from", "a later first day raised");
        boolean personal = access.report().seesPersonalDetails();
        return output -> {
            try (TableWriter table = TableWriter.open(output, format, "Khó khăn, kiến nghị", ISSUE_HEADERS)) {
                issues.each(where, sort, personal, today, i -> table.row(issue(i)));
            }
        };
    }

    private List<Object> weekly(WeeklyReportView r) {
        return Arrays.asList(r.ministryCode(), r.provinceCode(), provinceName(r.provinceCode(), r.weekStart()),
                r.week(), r.officialName(), r.dueAt(), r.status(), r.submittedAt(), r.late(), r.overdue(),
                r.summary(), r.activities(), r.communesVisited(), r.difficulties(), r.recommendations(),
                r.nextWeekPlan(), r.reviewComment(), enteredBy(r.enteredAfterTheFact()),
                enteredAt(r.enteredAfterTheFact()));
    }

    private List<Object> finalReport(FinalReportView r) {
        return Arrays.asList(r.ministryCode(), r.provinceCode(), provinceName(r.provinceCode(), r.endDate()),
                r.officialName(), r.endDate(), r.dueAt(), r.status(), r.submittedAt(), r.late(), r.overdue(),
                r.summary(), r.results(), r.difficulties(), r.recommendations(), r.lessons(), r.reviewComment(),
                r.acceptedAt(), enteredBy(r.enteredAfterTheFact()), enteredAt(r.enteredAfterTheFact()));
    }

    private List<Object> issue(IssueView i) {
        return Arrays.asList(i.id().toString(), i.ministryCode(), i.referredToMinistry(), i.provinceCode(),
                provinceName(i.provinceCode(), LocalDate.ofInstant(i.raisedAt(), VietnamTime.ZONE)),
                i.communeCode(), i.communeName(), i.fieldLabel(), i.kind().label(), i.urgent(), i.title(),
                i.description(), i.status(), i.raisedAt(), i.raisedWeek(), i.raisedBy(), i.escalatedToUnit(),
                i.deadline(), i.overdue(), i.answer(), i.guidanceDocument(), i.answeredAt(),
                enteredBy(i.enteredAfterTheFact()), enteredAt(i.enteredAfterTheFact()));
    }

    /** Who entered a past fact of the record (empty for what was recorded as it happened). */
    private static String enteredBy(AfterTheFact entered) {
        return entered == null ? null : entered.enteredBy();
    }

    /** When that was entered: the column that tells the records of the past apart. */
    private static Instant enteredAt(AfterTheFact entered) {
        return entered == null ? null : entered.enteredAt();
    }

    /** The province's full name on {@code day}; the 34 provinces' names for a day before they existed. */
    private String provinceName(String code, LocalDate day) {
        if (code == null) {
            return null; // a member of a delegation or working group: no one province
        }
        LocalDate on = day.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : day;
        return units.province(code, on).map(Province::fullName).orElse(null);
    }

    private static void requireAtMost(long count, String what, String field, String narrower) {
        if (count > MAX_ROWS) {
            throw ProblemException.invalid(field, count + " " + what + " match, more than the " + MAX_ROWS
                    + " one export holds: narrow the filters (e.g. " + narrower + ") and export each part");
        }
    }
}
