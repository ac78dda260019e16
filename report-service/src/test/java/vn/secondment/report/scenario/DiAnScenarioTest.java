package vn.secondment.report.scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.report.support.Fixtures;
import vn.secondment.report.support.Secondment;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Phường Dĩ An, Thành phố Hồ Chí Minh, Wednesday 10/9/2025 (2025-W37): a BNV official visits the ward and records
 * two difficulties. Heavy procedure volume with thin staff is answered on the spot from existing guidance; errors
 * in the e-government software affect citizens, so the coordinator escalates them to the ministry's IT centre,
 * which answers two days later. The week's draft report starts from the visit and the issue still open, and the
 * side-by-side figures show all of it for BNV, Hồ Chí Minh City and 2025-W37, next to BCT's official in the same
 * province who never sent the week's report.
 */
@QuarkusTest
@WithRealInfrastructure
class DiAnScenarioTest {

    private static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String BNV_IT_CENTRE = TestTokens.user("bnv.cntt").roles(Roles.MINISTRY_UNIT)
            .ministry("BNV").unit("TT-CNTT").token();
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String FIGURES = "/api/report/figures";

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
    void theDiAnVisitShowsInTheWeeksDraftAndInTheFiguresOfTheRightMinistryProvinceAndWeek() {
        Fixtures.unit(kafka, "BNV", "TT-CNTT", "Trung tâm Công nghệ thông tin");
        // other test classes share the database: the scenario's own contribution is what it adds to the cells
        JsonPath before = week37InHcmc();
        // the 878/QĐ-BNV period as rescheduled: 3/9 to 3/11/2025; BCT also has an official in HCMC
        Secondment bnv = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String officer = Fixtures.activeOfficer(kafka, bnv, "Phạm Thu Trang");
        Secondment bct = new Secondment("BCT", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        Fixtures.activeOfficer(kafka, bct, "Đỗ Văn Hải");

        // Wednesday 10/9/2025, 09:00 in Vietnam
        clock.set(Instant.parse("2025-09-10T02:00:00Z"));
        JsonPath visit = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of(
                        "assignmentId", bnv.id, "visitDate", "2025-09-10", "communeCode", "25942",
                        "communeGroup", "CENTRAL_WARD",
                        "peopleMet", "Chủ tịch UBND phường, công chức bộ phận một cửa",
                        "activities", "Làm việc với UBND phường Dĩ An về vận hành chính quyền địa phương hai cấp",
                        "findings", "Khối lượng thủ tục hành chính rất lớn, biên chế mỏng; phần mềm dịch vụ công lỗi",
                        "issues", List.of(
                                Map.of("field", "THU_TUC_HANH_CHINH", "kind", "DIFFICULTY",
                                        "title", "Khối lượng thủ tục hành chính lớn, biên chế mỏng",
                                        "description", "Bộ phận một cửa tiếp nhận hơn 300 hồ sơ mỗi ngày với 6 công chức",
                                        "affectsCitizensOrBusinesses", false),
                                Map.of("field", "PHAN_MEM_HA_TANG_SO", "kind", "DIFFICULTY",
                                        "title", "Lỗi phần mềm dịch vụ công khi chuyển hồ sơ",
                                        "description", "Hồ sơ chuyển từ cấp huyện cũ không hiển thị, người dân phải nộp lại",
                                        "affectsCitizensOrBusinesses", true))))
                .when().post("/api/report/field-visits")
                .then().statusCode(201).extract().jsonPath();
        List<String> issueIds = visit.getList("issueIds");
        assertThat(issueIds).hasSize(2);
        String procedures = issueWithField(issueIds, "THU_TUC_HANH_CHINH");
        String software = issueWithField(issueIds, "PHAN_MEM_HA_TANG_SO");

        // answered on the spot from the ministry's existing guidance
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("answer", "Bố trí, điều động công chức giữa các bộ phận theo hướng dẫn đã ban hành",
                        "guidanceDocument", "Công văn 4567/BNV-CQĐP"))
                .when().post("/api/report/issues/" + procedures + "/answer-on-site")
                .then().statusCode(200).body("status", equalTo("ANSWERED_ON_SITE"));
        // escalated by the coordinator the same day: urgent, so 3 days
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "TT-CNTT", "note", "Đề nghị Trung tâm Công nghệ thông tin xử lý lỗi"))
                .when().post("/api/report/issues/" + software + "/escalate")
                .then().statusCode(200).body("status", equalTo("ESCALATED")).body("deadline", equalTo("2025-09-13"));

        // Thursday 11/9: the week's draft starts from the visit and the issue still waiting for its answer
        clock.set(Instant.parse("2025-09-11T02:00:00Z"));
        String week37 = given().auth().oauth2(officer).queryParam("assignment", bnv.id).queryParam("week", "2025-W37")
                .when().get("/api/report/weekly-reports")
                .then().statusCode(200).extract().path("items[0].id");
        String tag = given().auth().oauth2(officer).when().get("/api/report/weekly-reports/" + week37)
                .then().statusCode(200).extract().header("ETag");
        JsonPath draft = given().auth().oauth2(officer).header("If-Match", tag)
                .when().post("/api/report/weekly-reports/" + week37 + "/draft")
                .then().statusCode(200).body("status", equalTo("DRAFT")).extract().jsonPath();
        assertThat(draft.getString("communesVisited")).isEqualTo("- 10/09/2025, Phường Dĩ An (25942): "
                + "Khối lượng thủ tục hành chính rất lớn, biên chế mỏng; phần mềm dịch vụ công lỗi");
        assertThat(draft.getString("difficulties")).isEqualTo("- [phần mềm và hạ tầng số] Lỗi phần mềm dịch vụ "
                + "công khi chuyển hồ sơ (đã chuyển TT-CNTT, hạn trả lời 13/09/2025)");
        // written and sent on Friday morning, before the 17:00 deadline
        clock.set(Instant.parse("2025-09-12T03:00:00Z"));
        tag = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"" + draft.getLong("version") + "\"")
                .body(Map.of("summary", "Phường Dĩ An vận hành ổn định, khối lượng hồ sơ lớn",
                        "activities", "Làm việc với UBND phường Dĩ An",
                        "communesVisited", draft.getString("communesVisited"),
                        "difficulties", draft.getString("difficulties")))
                .when().put("/api/report/weekly-reports/" + week37)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(officer).header("If-Match", tag)
                .when().post("/api/report/weekly-reports/" + week37 + "/submission")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(false));

        // the IT centre answers on Friday 12/9, within its deadline
        given().auth().oauth2(BNV_IT_CENTRE).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("answer", "Đã khắc phục lỗi đồng bộ hồ sơ trên Hệ thống thông tin giải quyết thủ tục "
                        + "hành chính của Thành phố"))
                .when().post("/api/report/issues/" + software + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));

        // Saturday 20/9: BNV and BCT side by side for Hồ Chí Minh City, week 37
        clock.set(Instant.parse("2025-09-20T02:00:00Z"));
        JsonPath figures = week37InHcmc();
        assertThat(figures.getList("ministries")).containsExactly("BCT", "BNV");
        Map<String, Object> bnvRow = row(figures, "BNV");
        assertThat(bnvRow).containsEntry("provinceName", "Thành phố Hồ Chí Minh");
        assertThat(added(bnvRow, row(before, "BNV"))).isEqualTo(Map.of("officialsOnSite", 1L,
                "reports", Map.of("due", 1L, "submitted", 1L, "late", 0L, "overdue", 0L, "accepted", 0L),
                "issues", Map.of("raised", 2L, "open", 0L, "escalated", 1L, "overdue", 0L, "answered", 2L)));
        assertThat(figures.getList("rows.find { it.ministryCode == 'BNV' }.topFields.field"))
                .contains("PHAN_MEM_HA_TANG_SO", "THU_TUC_HANH_CHINH");
        assertThat(figures.getList("rows.find { it.ministryCode == 'BNV' }.topFields.label"))
                .contains("phần mềm và hạ tầng số", "thủ tục hành chính");
        // BCT's official was there too, raised nothing, and never sent the week's report: overdue on 20/9
        assertThat(added(row(figures, "BCT"), row(before, "BCT"))).isEqualTo(Map.of("officialsOnSite", 1L,
                "reports", Map.of("due", 1L, "submitted", 0L, "late", 0L, "overdue", 1L, "accepted", 0L),
                "issues", Map.of("raised", 0L, "open", 0L, "escalated", 0L, "overdue", 0L, "answered", 0L)));
        // each ministry's weekly total, here the one province
        assertThat(figures.getList("totals.ministryCode")).containsExactly("BCT", "BNV");
        assertThat(figures.getList("totals.provinceCode")).containsOnlyNulls();
        assertThat(figures.getInt("totals.find { it.ministryCode == 'BNV' }.issues.raised"))
                .isEqualTo(figures.getInt("rows.find { it.ministryCode == 'BNV' }.issues.raised"));

        // the same in a spreadsheet: UTF-8 with a byte order mark, Vietnamese headers, the row's very numbers
        byte[] csv = given().auth().oauth2(BNV_COORDINATOR).queryParam("ministry", "BNV").queryParam("province", "79")
                .queryParam("from", "2025-W37").queryParam("format", "csv")
                .when().get(FIGURES + "/export")
                .then().statusCode(200).header("Content-Disposition", equalTo(
                        "attachment; filename=\"so-lieu-2025-W37_2025-W37.csv\""))
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFBộ,Mã tỉnh,Tỉnh/thành phố,Tuần,Cán bộ tại địa phương");
        String prefix = "BNV,79,Thành phố Hồ Chí Minh,2025-W37," + bnvRow.get("officialsOnSite") + ","
                + numbers(bnvRow.get("reports"), "due", "submitted", "late", "overdue", "accepted") + ","
                + numbers(bnvRow.get("issues"), "raised", "open", "escalated", "overdue", "answered") + ",";
        assertThat(text.lines()).anyMatch(line -> line.startsWith(prefix) && line.contains("thủ tục hành chính ("));
    }

    @Test
    void figuresAreCountsForEveryRoleButAPlainOfficerAndTheWeeksAreChecked() {
        String officer = TestTokens.user("officer").roles(Roles.OFFICER).ministry("BNV").token();
        String liaison = TestTokens.user("liaison.hcm").roles(Roles.PROVINCE_LIAISON).province("79").token();
        given().auth().oauth2(officer).queryParam("from", "2025-W37").when().get(FIGURES)
                .then().statusCode(403);
        given().auth().oauth2(liaison).queryParam("from", "2025-W37").when().get(FIGURES)
                .then().statusCode(200);
        given().auth().oauth2(VIEWER).when().get(FIGURES)
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(VIEWER).queryParam("from", "2025-W37").queryParam("to", "2025-W36")
                .when().get(FIGURES)
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().auth().oauth2(VIEWER).queryParam("from", "2025-W01").queryParam("to", "2026-W02")
                .when().get(FIGURES)
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().auth().oauth2(VIEWER).queryParam("from", "2025-W37").queryParam("ministry", "bnv")
                .when().get(FIGURES)
                .then().statusCode(400).body("violations[0].field", equalTo("ministry[0]"));
        given().auth().oauth2(VIEWER).queryParam("from", "2025-W37").queryParam("format", "pdf")
                .when().get(FIGURES + "/export")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().when().get(FIGURES).then().statusCode(401);
    }

    private static String issueWithField(List<String> ids, String field) {
        return ids.stream().filter(id -> field.equals(given().auth().oauth2(VIEWER)
                        .when().get("/api/report/issues/" + id).then().statusCode(200).extract().path("field")))
                .findFirst().orElseThrow();
    }

    private static JsonPath week37InHcmc() {
        return given().auth().oauth2(VIEWER).queryParam("ministry", "BNV", "BCT").queryParam("province", "79")
                .queryParam("from", "2025-W37")
                .when().get(FIGURES)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The row of {@code ministry} (in Hồ Chí Minh City, week 37), or an empty map before anything was counted. */
    private static Map<String, Object> row(JsonPath figures, String ministry) {
        List<Map<String, Object>> rows = figures.getList("rows");
        return rows.stream().filter(r -> ministry.equals(r.get("ministryCode")) && "79".equals(r.get("provinceCode"))
                && "2025-W37".equals(r.get("week"))).findFirst().orElse(Map.of());
    }

    /** What the scenario added to a row: officials on site, and each report and issue count. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> added(Map<String, Object> after, Map<String, Object> before) {
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("officialsOnSite", count(after, "officialsOnSite") - count(before, "officialsOnSite"));
        for (String group : List.of("reports", "issues")) {
            Map<String, Object> a = (Map<String, Object>) after.getOrDefault(group, Map.of());
            Map<String, Object> b = (Map<String, Object>) before.getOrDefault(group, Map.of());
            Map<String, Object> counts = new LinkedHashMap<>();
            a.keySet().forEach(k -> counts.put(k, count(a, k) - count(b, k)));
            delta.put(group, counts);
        }
        return delta;
    }

    private static long count(Map<String, Object> map, String key) {
        return ((Number) map.getOrDefault(key, 0)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static String numbers(Object counts, String... keys) {
        Map<String, Object> map = (Map<String, Object>) counts;
        return String.join(",", java.util.Arrays.stream(keys).map(k -> String.valueOf(map.get(k))).toList());
    }
}
