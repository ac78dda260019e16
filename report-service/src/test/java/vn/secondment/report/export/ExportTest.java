package vn.secondment.report.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.report.service.ListExport;
import vn.secondment.report.support.Fixtures;
import vn.secondment.report.support.Secondment;
import vn.secondment.rest.security.Roles;
import vn.secondment.tabular.Row;
import vn.secondment.tabular.Table;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableReader;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The CSV and XLSX exports of weekly reports, final reports and issues, against the real database and broker: an
 * officer of BNV in Thành phố Hồ Chí Minh visits Phường Dĩ An and raises an issue, writes and submits one weekly
 * report and leaves the next one unsent; the files carry the list's rows with Vietnamese headers and text intact,
 * hide names from a viewer, keep BNV's rows from BCT's admin, and the /export paths are not taken for ids.
 */
@QuarkusTest
@WithRealInfrastructure
class ExportTest {

    private static final String API = "/api/report";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String OFFICIAL = "Hoàng Thị Thu Hà";
    private static final String TITLE = "Thành phần hồ sơ đăng ký hộ kinh doanh chưa thống nhất giữa các phường";
    private static final String DIFFICULTIES = "Phần mềm dịch vụ công còn lỗi, chưa đồng bộ với cấp tỉnh";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.tccb").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void consumersHaveJoined() {
        kafka.awaitConsumersJoined();
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void eachListExportsItsRowsWithVietnameseHeadersWithinTheCallersScope() {
        // 2025-W41 and 2025-W42 in Thành phố Hồ Chí Minh (not W37: DiAnScenarioTest counts BNV's officials there)
        Secondment hcm = new Secondment("BNV", "79", LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 19));
        String officer = Fixtures.activeOfficer(kafka, hcm, OFFICIAL);
        String officerName = "officer-" + hcm.officialId.toString().substring(0, 8);
        String issueId = visitWithIssue(officer, hcm.id);
        List<String> reports = awaitReports(officer, hcm.id, 2);
        UUID firstWeek = UUID.fromString(reports.get(1));
        // the first week's report, submitted the day before its deadline (Friday 10/10 17:00 Vietnam)
        clock.set(Instant.parse("2025-10-09T02:00:00Z"));
        send(officer, "POST", firstWeek, "/draft", null);
        send(officer, "PUT", firstWeek, "", Map.of("summary", "Chính quyền địa phương hai cấp vận hành ổn định",
                "activities", "Làm việc với Sở Nội vụ; khảo sát Phường Dĩ An", "difficulties", DIFFICULTIES));
        send(officer, "POST", firstWeek, "/submission", null);
        clock.reset();

        // weekly reports, CSV: byte order mark, Vietnamese headers, newest week first; the second week is overdue
        byte[] csv = export(BNV_COORDINATOR, "weekly-reports", "csv", hcm.id, "bao-cao-tuan.csv");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFBộ,Mã tỉnh,Tỉnh/thành phố,Tuần,"
                + "Cán bộ,Hạn nộp,Trạng thái,Nộp lúc,Nộp muộn,Quá hạn,Tình hình chung,Kết quả công việc,"
                + "Xã/phường đã đến,Khó khăn vướng mắc,Kiến nghị đề xuất,Kế hoạch tuần tới,Ý kiến người duyệt,"
                + "Nhập sau bởi,Nhập sau lúc\r\n");
        Table weekly = read(csv, TableFormat.CSV, "Tuần");
        assertThat(weekly.rows()).extracting(r -> r.cell(3)).containsExactly("2025-W42", "2025-W41");
        Row due = weekly.rows().get(0);
        assertThat(List.of(due.cell(0), due.cell(1), due.cell(2), due.cell(4), due.cell(6), due.cell(9)))
                .containsExactly("BNV", "79", "Thành phố Hồ Chí Minh", OFFICIAL, "DUE", "true");
        Row sent = weekly.rows().get(1);
        // times are Vietnam wall-clock: submitted 02:00 UTC, due 10:00 UTC
        assertThat(List.of(sent.cell(5), sent.cell(6), sent.cell(7), sent.cell(8), sent.cell(9), sent.cell(13)))
                .containsExactly("2025-10-10T17:00:00", "SUBMITTED", "2025-10-09T09:00:00", "false", "false",
                        DIFFICULTIES);

        // weekly reports, XLSX: the same rows, read back from the workbook
        Table workbook = read(export(BNV_COORDINATOR, "weekly-reports", "xlsx", hcm.id, "bao-cao-tuan.xlsx"),
                TableFormat.XLSX, "Tuần");
        assertThat(workbook.header().cells()).isEqualTo(ListExport.WEEKLY_HEADERS);
        assertThat(workbook.rows()).extracting(r -> r.cell(3)).containsExactly("2025-W42", "2025-W41");
        assertThat(workbook.rows().get(1).cells().subList(0, 11)).containsExactly("BNV", "79",
                "Thành phố Hồ Chí Minh", "2025-W41", OFFICIAL, "2025-10-10T17:00:00", "SUBMITTED",
                "2025-10-09T09:00:00", "false", "false", "Chính quyền địa phương hai cấp vận hành ổn định");

        // final reports: the one report, due at the end and never sent
        Table finals = read(export(BNV_COORDINATOR, "final-reports", "csv", hcm.id, "bao-cao-tong-hop.csv"),
                TableFormat.CSV, "Tổng quan");
        assertThat(finals.header().cells()).isEqualTo(ListExport.FINAL_HEADERS);
        assertThat(finals.rows()).hasSize(1);
        assertThat(finals.rows().get(0).cells().subList(0, 10)).containsExactly("BNV", "79",
                "Thành phố Hồ Chí Minh", OFFICIAL, "2025-10-19", "2025-10-19T17:00:00", "DUE", "", "false", "true");

        // issues, CSV and XLSX: where, field label, kind, urgency, status and who raised it
        List<String> expectedIssue = List.of(issueId, "BNV", "", "79", "Thành phố Hồ Chí Minh", "25942",
                "Phường Dĩ An", "thủ tục hành chính", "Khó khăn, vướng mắc", "true", TITLE);
        for (String format : List.of("csv", "xlsx")) {
            Table issues = read(export(BNV_COORDINATOR, "issues", format, hcm.id, "kho-khan-kien-nghi." + format),
                    format.equals("csv") ? TableFormat.CSV : TableFormat.XLSX, "Lĩnh vực");
            assertThat(issues.header().cells()).isEqualTo(ListExport.ISSUE_HEADERS);
            assertThat(issues.rows()).hasSize(1);
            Row issue = issues.rows().get(0);
            assertThat(issue.cells().subList(0, 11)).isEqualTo(expectedIssue);
            assertThat(List.of(issue.cell(12), issue.cell(15), issue.cell(18))).containsExactly("OPEN", officerName,
                    "false");
        }

        // a viewer gets the same rows without the official's or the raiser's name
        byte[] viewerWeekly = export(VIEWER, "weekly-reports", "csv", hcm.id, "bao-cao-tuan.csv");
        assertThat(new String(viewerWeekly, StandardCharsets.UTF_8)).doesNotContain(OFFICIAL)
                .contains(DIFFICULTIES);
        assertThat(read(viewerWeekly, TableFormat.CSV, "Tuần").rows()).hasSize(2)
                .allSatisfy(r -> assertThat(r.cell(4)).isEmpty());
        Table viewerFinals = read(export(VIEWER, "final-reports", "xlsx", hcm.id, "bao-cao-tong-hop.xlsx"),
                TableFormat.XLSX, "Tổng quan");
        assertThat(viewerFinals.rows()).hasSize(1).allSatisfy(r -> assertThat(r.cell(3)).isEmpty());
        Table viewerIssues = read(export(VIEWER, "issues", "csv", hcm.id, "kho-khan-kien-nghi.csv"),
                TableFormat.CSV, "Lĩnh vực");
        assertThat(viewerIssues.rows()).hasSize(1);
        assertThat(viewerIssues.rows().get(0).cell(10)).isEqualTo(TITLE);
        assertThat(viewerIssues.rows().get(0).cell(15)).isEmpty();

        // BCT's admin exports none of BNV's rows, filtered to this assignment or not
        for (String list : List.of("weekly-reports", "final-reports", "issues")) {
            assertThat(read(export(BCT_ADMIN, list, "csv", hcm.id, null), TableFormat.CSV, "Bộ").rows())
                    .as(list).isEmpty();
        }
        assertThat(read(export(BCT_ADMIN, "weekly-reports", "csv", null, null), TableFormat.CSV, "Bộ").rows())
                .allSatisfy(r -> assertThat(r.cell(0)).isEqualTo("BCT"));
        assertThat(read(export(BCT_ADMIN, "final-reports", "csv", null, null), TableFormat.CSV, "Bộ").rows())
                .allSatisfy(r -> assertThat(r.cell(0)).isEqualTo("BCT"));
        assertThat(read(export(BCT_ADMIN, "issues", "csv", null, null), TableFormat.CSV, "Bộ").rows())
                .allSatisfy(r -> assertThat(List.of(r.cell(1), r.cell(2))).contains("BCT"))
                .noneSatisfy(r -> assertThat(r.cell(0)).isEqualTo(issueId));

        // /export is its own path, not an id: the ids still answer as before
        given().auth().oauth2(BNV_COORDINATOR).when().get(API + "/issues/" + issueId)
                .then().statusCode(200).contentType(ContentType.JSON).body("title", equalTo(TITLE));
        given().auth().oauth2(BNV_COORDINATOR).when().get(API + "/weekly-reports/" + firstWeek)
                .then().statusCode(200).contentType(ContentType.JSON).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aFormatOtherThanCsvOrXlsxIsRefusedAndAnExportNeedsASignedInCaller() {
        for (String list : List.of("weekly-reports", "final-reports", "issues")) {
            given().auth().oauth2(BNV_COORDINATOR).queryParam("format", "pdf")
                    .when().get(API + "/" + list + "/export")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("format"));
            given().when().get(API + "/" + list + "/export").then().statusCode(401);
        }
        // the list's own checks apply to its export
        given().auth().oauth2(BNV_COORDINATOR).queryParam("sort", "title")
                .when().get(API + "/issues/export")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
    }

    // --- helpers

    /** The file of {@code list}'s export, optionally of one assignment, checking its name and media type. */
    private static byte[] export(String token, String list, String format, UUID assignment, String fileName) {
        var request = given().auth().oauth2(token).queryParam("format", format);
        if (assignment != null) {
            request.queryParam("assignment", assignment);
        }
        var response = request.when().get(API + "/" + list + "/export")
                .then().statusCode(200)
                .contentType(startsWith(format.equals("csv") ? "text/csv" : XLSX));
        if (format.equals("csv")) {
            response.header("Content-Type", containsStringIgnoringCase("charset=UTF-8"));
        }
        if (fileName != null) {
            response.header("Content-Disposition", equalTo("attachment; filename=\"" + fileName + "\""));
        }
        return response.extract().asByteArray();
    }

    private static Table read(byte[] file, TableFormat format, String header) {
        return TableReader.read(new ByteArrayInputStream(file), format, cells -> cells.contains(header), 100_000);
    }

    /** Records a visit to Phường Dĩ An with one urgent issue, and answers the issue's id. */
    private static String visitWithIssue(String officer, UUID assignment) {
        Map<String, Object> issue = Map.of("field", "THU_TUC_HANH_CHINH", "kind", "DIFFICULTY", "title", TITLE,
                "description", "Mỗi phường yêu cầu thành phần hồ sơ khác nhau", "affectsCitizensOrBusinesses", true);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("assignmentId", assignment);
        visit.put("visitDate", "2025-10-15");
        visit.put("communeCode", "25942");
        visit.put("communeGroup", "CENTRAL_WARD");
        visit.put("activities", "Làm việc với UBND phường Dĩ An về thủ tục đăng ký kinh doanh");
        visit.put("issues", List.of(issue));
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body(visit)
                .when().post(API + "/field-visits")
                .then().statusCode(201).extract().path("issueIds[0]");
    }

    /** Waits until the assignment's weekly reports are scheduled; their ids, newest week first. */
    private static List<String> awaitReports(String token, UUID assignment, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token)
                .queryParam("assignment", assignment).when().get(API + "/weekly-reports")
                .then().statusCode(200).extract().<Integer>path("totalItems") == count);
        return given().auth().oauth2(token).queryParam("assignment", assignment).when().get(API + "/weekly-reports")
                .then().statusCode(200).extract().path("items.id");
    }

    /** A step of the officer's report, with the report's current ETag. */
    private static void send(String token, String method, UUID report, String path, Map<String, String> body) {
        String etag = given().auth().oauth2(token).when().get(API + "/weekly-reports/" + report)
                .then().statusCode(200).extract().header("ETag");
        var request = given().auth().oauth2(token).header("If-Match", etag);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.when().request(method, API + "/weekly-reports/" + report + path);
        response.then().statusCode(200);
    }
}
