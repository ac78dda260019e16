package vn.secondment.assignment.coverage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.Secondments;
import vn.secondment.testing.WithRealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.secondment.assignment.support.Secondments.API;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BCT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNNMT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.LIAISON_HCM;
import static vn.secondment.assignment.support.Secondments.PLATFORM_ADMIN;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.VIEWER;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.official;

/**
 * Coverage side by side, its export, a deployment's rule report and its timeline. Every test works in its own
 * years (2028–2030), so other classes' deployments sharing the database do not change its figures.
 */
@QuarkusTest
@WithRealInfrastructure
class CoverageTest {

    private static final String COVERAGE = API + "/coverage";

    @Test
    void ministriesSideBySideOnADay() {
        LocalDate start = LocalDate.of(2029, 3, 1);
        LocalDate end = LocalDate.of(2029, 4, 30);
        // Bộ Nội vụ: two in Hồ Chí Minh City (its quota), one in Hà Nội
        UUID bnv = deployment(BNV_ADMIN, "BNV", start, end);
        assign(BNV_ADMIN, bnv, official("BNV", "Nguyễn Thị Hoa"), "79");
        assign(BNV_ADMIN, bnv, official("BNV", "Trần Quốc Bảo"), "79");
        assign(BNV_ADMIN, bnv, official("BNV", "Lê Minh Châu"), "01");
        issue(BNV_ADMIN, bnv);
        // a draft of the same ministry at the same time: not decided yet, counts for nothing
        UUID draft = deployment(BNV_ADMIN, "BNV", start, end);
        assign(BNV_ADMIN, draft, official("BNV", "Phạm Văn Dự"), "04");
        // Bộ Công Thương: one in Hồ Chí Minh City; a second one withdrawn before going
        UUID bct = deployment(BCT_ADMIN, "BCT", start, end);
        assign(BCT_ADMIN, bct, official("BCT", "Võ Thanh Tâm"), "79");
        UUID withdrawn = assign(BCT_ADMIN, bct, official("BCT", "Đỗ Hữu Rút"), "79");
        issue(BCT_ADMIN, bct);
        withdraw(BCT_ADMIN, withdrawn);
        // Bộ Nông nghiệp và Môi trường: nobody in Hồ Chí Minh City, two in Hà Nội (one above the rule, deliberately)
        UUID bnnmt = deployment(BNNMT_ADMIN, "BNNMT", start, end);
        assign(BNNMT_ADMIN, bnnmt, official("BNNMT", "Hoàng Ngọc Lan"), "01");
        assignAllowingExcess(BNNMT_ADMIN, bnnmt, official("BNNMT", "Bùi Đức Thừa"), "01");
        issue(BNNMT_ADMIN, bnnmt);

        JsonPath matrix = matrix(VIEWER, Map.of("date", "2029-03-15", "ministry", List.of("BNV", "BCT", "BNNMT")));
        assertThat(matrix.getList("ministries.ministryCode")).containsExactly("BNV", "BCT", "BNNMT");
        for (int i = 0; i < 3; i++) {
            List<String> codes = matrix.getList("ministries[" + i + "].cells.provinceCode");
            assertThat(codes).hasSize(34).isSorted().startsWith("01").contains("79");
        }
        // named as on that day: Đồng Nai became a city on 2026-04-30
        assertThat(cell(matrix, "BNV", "75").get("provinceName")).isEqualTo("Thành phố Đồng Nai");

        assertCell(matrix, "BNV", "79", 2, 2, "COVERED");
        assertCell(matrix, "BNV", "01", 1, 1, "COVERED");
        assertCell(matrix, "BNV", "04", 1, 0, "GAP");
        assertThat(names(matrix, "BNV", "79")).containsExactlyInAnyOrder("Nguyễn Thị Hoa", "Trần Quốc Bảo");
        assertThat(matrix.getMap("ministries[0].totals")).containsAllEntriesOf(Map.of(
                "required", 35, "officials", 3, "provincesCovered", 2, "gaps", 32, "excess", 0, "shortfall", 32));

        assertCell(matrix, "BCT", "79", 2, 1, "GAP");
        assertThat(matrix.getMap("ministries[1].totals")).containsAllEntriesOf(Map.of(
                "required", 35, "officials", 1, "provincesCovered", 0, "gaps", 34, "excess", 0, "shortfall", 34));
        assertThat(names(matrix, "BCT", "79")).containsExactly("Võ Thanh Tâm");
        Map<String, Object> bctCell = cell(matrix, "BCT", "79");
        assertThat(((List<?>) bctCell.get("officials"))).hasSize(1);
        assertThat(matrix.getMap("ministries[1].cells.find { it.provinceCode == '79' }.officials[0]"))
                .containsEntry("deploymentId", bct.toString()).containsEntry("status", "PLANNED")
                .containsEntry("role", "MEMBER");

        assertCell(matrix, "BNNMT", "79", 2, 0, "GAP");
        assertCell(matrix, "BNNMT", "01", 1, 2, "EXCESS");
        assertThat(matrix.getMap("ministries[2].totals")).containsAllEntriesOf(Map.of(
                "required", 35, "officials", 2, "provincesCovered", 0, "gaps", 33, "excess", 1, "shortfall", 34));
        assertThat(matrix.getMap("totals")).containsAllEntriesOf(Map.of(
                "required", 105, "officials", 6, "provincesCovered", 2, "gaps", 32 + 34 + 33, "excess", 1,
                "shortfall", 32 + 34 + 34));

        // without ministry: every ministry with something on that day, by code
        JsonPath all = matrix(PLATFORM_ADMIN, Map.of("date", "2029-03-15"));
        assertThat(all.getList("ministries.ministryCode", String.class)).contains("BCT", "BNNMT", "BNV").isSorted();

        // another type of deployment: nothing required, nobody counted
        JsonPath delegations = matrix(VIEWER, Map.of("date", "2029-03-15", "ministry", "BNV",
                "type", "WORKING_DELEGATION"));
        assertThat(delegations.getMap("totals")).containsAllEntriesOf(Map.of("required", 0, "officials", 0));

        // a day outside every period: zero everywhere
        JsonPath after = matrix(VIEWER, Map.of("date", "2029-05-15", "ministry", List.of("BNV", "BCT", "BNNMT")));
        assertThat(after.getMap("totals")).containsAllEntriesOf(Map.of(
                "required", 0, "officials", 0, "provincesCovered", 0, "gaps", 0, "excess", 0));
        assertThat(after.getList("ministries.cells.flatten().state", String.class)).hasSize(102).containsOnly("NONE");

        // a ministry admin reads every ministry's counts, but names only their own ministry's officials
        JsonPath asBct = matrix(BCT_ADMIN, Map.of("date", "2029-03-15", "ministry", List.of("BNV", "BCT")));
        assertCell(asBct, "BNV", "79", 2, 2, "COVERED");
        assertThat(names(asBct, "BNV", "79")).isEmpty();
        assertThat(names(asBct, "BCT", "79")).containsExactly("Võ Thanh Tâm");
        // a province liaison names everyone in their province only
        JsonPath asLiaison = matrix(LIAISON_HCM, Map.of("date", "2029-03-15", "ministry", "BNV"));
        assertThat(names(asLiaison, "BNV", "79")).hasSize(2);
        assertThat(names(asLiaison, "BNV", "01")).isEmpty();
        assertCell(asLiaison, "BNV", "01", 1, 1, "COVERED");
    }

    @Test
    void provincesAreNamedAsOnTheDay() {
        // Đồng Nai became a city on 30 April 2026: the day before it is still a province
        JsonPath before = matrix(VIEWER, Map.of("date", "2026-04-29", "ministry", "BNV"));
        assertThat(cell(before, "BNV", "75").get("provinceName")).isEqualTo("Tỉnh Đồng Nai");
        assertThat(cell(before, "BNV", "79").get("provinceName")).isEqualTo("Thành phố Hồ Chí Minh");
        JsonPath after = matrix(VIEWER, Map.of("date", "2026-04-30", "ministry", "BNV"));
        assertThat(cell(after, "BNV", "75").get("provinceName")).isEqualTo("Thành phố Đồng Nai");
        assertThat(cell(after, "BNV", "79").get("provinceName")).isEqualTo("Thành phố Hồ Chí Minh");
    }

    @Test
    void exportsTheMatrixAsCsvAndXlsx() {
        LocalDate start = LocalDate.of(2028, 5, 1);
        UUID bnv = deployment(BNV_ADMIN, "BNV", start, LocalDate.of(2028, 6, 30));
        assign(BNV_ADMIN, bnv, official("BNV", "Trần Văn Xuất"), "79");
        assign(BNV_ADMIN, bnv, official("BNV", "Ngô Thị Khẩu"), "79");
        issue(BNV_ADMIN, bnv);

        Response csv = given().auth().oauth2(VIEWER)
                .queryParam("date", "2028-05-20").queryParam("ministry", "BNV").queryParam("ministry", "BCT")
                .when().get(COVERAGE + "/export");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("bao-phu-2028-05-20.csv");
        byte[] bytes = csv.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Bộ,Mã tỉnh,Tỉnh/thành phố,Số cán bộ theo yêu cầu,Số cán bộ tăng cường,"
                + "Tình trạng,Cán bộ,Đoàn công tác");
        assertThat(lines).hasSize(1 + 34 * 2);
        assertThat(lines.subList(1, 35)).allMatch(line -> line.startsWith("BNV,"));
        assertThat(lines.subList(35, 69)).allMatch(line -> line.startsWith("BCT,"));
        assertThat(lines).contains("BNV,79,Thành phố Hồ Chí Minh,2,2,Đủ,Ngô Thị Khẩu; Trần Văn Xuất,",
                "BNV,01,Thành phố Hà Nội,1,0,Thiếu,,", "BCT,79,Thành phố Hồ Chí Minh,0,0,Không yêu cầu,,");

        Response xlsx = given().auth().oauth2(VIEWER)
                .queryParam("date", "2028-05-20").queryParam("ministry", "BNV").queryParam("format", "xlsx")
                .when().get(COVERAGE + "/export");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] zip = xlsx.asByteArray();
        assertThat(new String(zip, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        given().auth().oauth2(VIEWER)
                .queryParam("date", "2028-05-20").queryParam("format", "pdf")
                .when().get(COVERAGE + "/export")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("format"));
    }

    @Test
    void refusesOfficersAndRequiresADay() {
        String officer = Secondments.officer("BNV", Secondments.uniqueEmail("BNV"));
        given().auth().oauth2(officer).queryParam("date", "2029-03-15")
                .when().get(COVERAGE)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(officer).queryParam("date", "2029-03-15")
                .when().get(COVERAGE + "/export")
                .then().statusCode(403);
        UUID d = deployment(BNV_ADMIN, "BNV", LocalDate.of(2030, 9, 1), LocalDate.of(2030, 10, 31));
        given().auth().oauth2(officer)
                .when().get(DEPLOYMENTS + "/" + d + "/coverage")
                .then().statusCode(403);

        JsonPath problem = given().auth().oauth2(VIEWER)
                .when().get(COVERAGE)
                .then().statusCode(400).contentType(PROBLEM_JSON).extract().jsonPath();
        assertThat(problem.getString("violations[0].field")).isEqualTo("date");
        given().auth().oauth2(VIEWER).queryParam("date", "2029-13-45")
                .when().get(COVERAGE)
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("date"));
        given().auth().oauth2(VIEWER).queryParam("date", "2029-03-15").queryParam("ministry", "bnv")
                .when().get(COVERAGE)
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("ministry"));
        given().auth().oauth2(VIEWER)
                .when().get(COVERAGE + "/export")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("date"));
    }

    @Test
    void reportsADeploymentsRule() {
        LocalDate start = LocalDate.of(2029, 6, 1);
        UUID d = deployment(BNV_ADMIN, "BNV", start, LocalDate.of(2029, 7, 31));
        assign(BNV_ADMIN, d, official("BNV", "Đặng Thu Giang"), "79");
        assign(BNV_ADMIN, d, official("BNV", "Lý Hải Đăng"), "01");
        assignAllowingExcess(BNV_ADMIN, d, official("BNV", "Dương Kim Thêm"), "01");

        JsonPath report = given().auth().oauth2(VIEWER).queryParam("date", "2029-06-15")
                .when().get(DEPLOYMENTS + "/" + d + "/coverage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("date")).isEqualTo("2029-06-15");
        assertThat(report.getString("status")).isEqualTo("DRAFT");
        assertThat(report.getList("provinces")).hasSize(34);
        assertThat(report.getMap("provinces.find { it.provinceCode == '79' }"))
                .containsEntry("required", 2).containsEntry("count", 1).containsEntry("state", "GAP");
        assertThat(report.getList("gaps")).hasSize(33);
        assertThat(report.getMap("gaps.find { it.provinceCode == '79' }")).containsEntry("difference", 1);
        assertThat(report.getList("excess.provinceCode")).containsExactly("01");
        assertThat(report.getInt("excess[0].difference")).isEqualTo(1);
        assertThat(report.getList("provinces.find { it.provinceCode == '01' }.officials.fullName"))
                .containsExactlyInAnyOrder("Lý Hải Đăng", "Dương Kim Thêm");
        assertThat(report.getMap("totals")).containsAllEntriesOf(Map.of(
                "required", 35, "officials", 3, "provincesCovered", 0, "gaps", 33, "excess", 1, "shortfall", 33));

        // today (2026 or so) is before the period: moved to its first day
        given().auth().oauth2(VIEWER)
                .when().get(DEPLOYMENTS + "/" + d + "/coverage")
                .then().statusCode(200).body("date", org.hamcrest.Matchers.equalTo("2029-06-01"));
        given().auth().oauth2(VIEWER).queryParam("date", "2029-08-01")
                .when().get(DEPLOYMENTS + "/" + d + "/coverage")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("date"));
        // another ministry's admin: counts, no names
        JsonPath asBct = given().auth().oauth2(BCT_ADMIN).queryParam("date", "2029-06-15")
                .when().get(DEPLOYMENTS + "/" + d + "/coverage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(asBct.getInt("totals.officials")).isEqualTo(3);
        assertThat(asBct.getList("provinces.officials.flatten()")).isEmpty();
        given().auth().oauth2(VIEWER)
                .when().get(DEPLOYMENTS + "/" + UUID.randomUUID() + "/coverage")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void timelineShowsBarsAndTheRescheduleMilestone() {
        UUID d = deployment(BNV_ADMIN, "BNV", LocalDate.of(2030, 3, 1), LocalDate.of(2030, 4, 30));
        UUID hcm = assign(BNV_ADMIN, d, official("BNV", "Huỳnh Văn Tiến"), "79");
        UUID hanoi = assign(BNV_ADMIN, d, official("BNV", "Phan Thị Lùi"), "01");
        issue(BNV_ADMIN, d);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + d))
                .body("""
                        {"startDate": "2030-03-10", "endDate": "2030-05-10",
                         "decision": {"number": "1601/QĐ-BNV", "date": "2026-01-10"},
                         "reason": "Điều chỉnh thời gian tăng cường"}""")
                .when().post(DEPLOYMENTS + "/" + d + "/reschedule")
                .then().statusCode(200);

        JsonPath timeline = given().auth().oauth2(VIEWER)
                .when().get(DEPLOYMENTS + "/" + d + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getString("startDate")).isEqualTo("2030-03-10");
        assertThat(timeline.getString("endDate")).isEqualTo("2030-05-10");
        assertThat(timeline.getString("from")).isEqualTo("2030-03-01");
        assertThat(timeline.getString("to")).isEqualTo("2030-05-10");
        assertThat(timeline.getList("milestones.change")).containsExactly("CREATED", "ISSUED", "RESCHEDULED");
        Map<String, Object> rescheduled = timeline.getMap("milestones[2]");
        assertThat(rescheduled).containsEntry("effectiveFrom", "2026-01-10")
                .containsEntry("decisionNumber", "1601/QĐ-BNV")
                .containsEntry("startDate", "2030-03-10").containsEntry("endDate", "2030-05-10");
        assertThat(timeline.getString("milestones[0].startDate")).isEqualTo("2030-03-01");

        assertThat(timeline.getList("bars.assignmentId")).containsExactly(hanoi.toString(), hcm.toString());
        Map<String, Object> bar = timeline.getMap("bars[1]");
        assertThat(bar).containsEntry("officialName", "Huỳnh Văn Tiến").containsEntry("provinceCode", "79")
                .containsEntry("provinceName", "Thành phố Hồ Chí Minh").containsEntry("role", "MEMBER")
                .containsEntry("status", "PLANNED").containsEntry("startDate", "2030-03-10")
                .containsEntry("endDate", "2030-05-10");
        assertThat(timeline.getList("bars[1].revisions.change")).containsExactly("CREATED", "RESCHEDULED");
        assertThat(timeline.getString("bars[1].revisions[0].startDate")).isEqualTo("2030-03-01");
        assertThat(timeline.getString("bars[1].revisions[0].endDate")).isEqualTo("2030-04-30");

        // every signed-in caller reads the timeline; the bars are what the caller may see
        JsonPath asLiaison = given().auth().oauth2(LIAISON_HCM)
                .when().get(DEPLOYMENTS + "/" + d + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(asLiaison.getList("bars.assignmentId")).containsExactly(hcm.toString());
        assertThat(asLiaison.getList("milestones")).hasSize(3);
        JsonPath asBct = given().auth().oauth2(BCT_ADMIN)
                .when().get(DEPLOYMENTS + "/" + d + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(asBct.getList("bars")).isEmpty();
        String officer = Secondments.officer("BNV", Secondments.uniqueEmail("BNV"));
        given().auth().oauth2(officer)
                .when().get(DEPLOYMENTS + "/" + d + "/timeline")
                .then().statusCode(200).body("bars.size()", org.hamcrest.Matchers.equalTo(0));
        // the deployment's own resource is still served by DeploymentResource
        given().auth().oauth2(VIEWER)
                .when().get(DEPLOYMENTS + "/" + d)
                .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(d.toString()));
    }

    @Test
    void documentsTheOperations() {
        JsonPath openApi = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        String coverage = "paths.'" + COVERAGE + "'.get";
        assertThat(openApi.getString(coverage + ".operationId")).isEqualTo("getCoverage");
        assertThat(openApi.getMap(coverage + ".parameters.find { it.name == 'date' }"))
                .containsEntry("required", true).containsEntry("example", "2025-09-15");
        // optional parameters carry no example, so the console does not pre-fill them
        assertThat(openApi.getMap(coverage + ".parameters.find { it.name == 'ministry' }")).doesNotContainKey("example");
        assertThat(openApi.getString(coverage + ".parameters.find { it.name == 'ministry' }.schema.type"))
                .isEqualTo("array");
        assertThat(openApi.getString("paths.'" + COVERAGE + "/export'.get.operationId")).isEqualTo("exportCoverage");
        assertThat(openApi.getString("paths.'" + DEPLOYMENTS + "/{id}/coverage'.get.operationId"))
                .isEqualTo("getDeploymentCoverage");
        assertThat(openApi.getMap("paths.'" + DEPLOYMENTS + "/{id}/coverage'.get.parameters.find { it.name == 'date' }"))
                .doesNotContainKey("example");
        assertThat(openApi.getString("paths.'" + DEPLOYMENTS + "/{id}/timeline'.get.operationId"))
                .isEqualTo("getDeploymentTimeline");
    }

    private static JsonPath matrix(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query)
                .when().get(COVERAGE)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static Map<String, Object> cell(JsonPath matrix, String ministry, String province) {
        return matrix.getMap("ministries.find { it.ministryCode == '" + ministry + "' }.cells.find { it.provinceCode == '"
                + province + "' }");
    }

    private static List<String> names(JsonPath matrix, String ministry, String province) {
        return matrix.getList("ministries.find { it.ministryCode == '" + ministry
                + "' }.cells.find { it.provinceCode == '" + province + "' }.officials.fullName", String.class);
    }

    private static void assertCell(JsonPath matrix, String ministry, String province, int required, int count,
                                   String state) {
        assertThat(cell(matrix, ministry, province)).as(ministry + " in " + province)
                .containsEntry("required", required).containsEntry("count", count).containsEntry("state", state);
    }

    private static UUID assignAllowingExcess(String token, UUID deployment, UUID official, String province) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"%s\", \"allowExcess\": true}"
                        .formatted(official, province))
                .when().post(DEPLOYMENTS + "/" + deployment + "/assignments")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static void withdraw(String token, UUID assignment) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", etag(token, ASSIGNMENTS + "/" + assignment))
                .body("{\"reason\": \"Cán bộ có việc đột xuất\"}")
                .when().post(ASSIGNMENTS + "/" + assignment + "/withdrawal")
                .then().statusCode(200);
    }
}
