package vn.secondment.personnel.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_COORDINATOR;
import static vn.secondment.personnel.support.Directory.LIAISON_HCM;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.UNITS;
import static vn.secondment.personnel.support.Directory.VIEWER;
import static vn.secondment.personnel.support.Directory.officer;
import static vn.secondment.personnel.support.Directory.officialJson;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/**
 * The register of ministries: the 17 seeded bodies, additions and renames by a platform admin, validity dates, and
 * what an expired ministry still accepts. Tests share one database, so they add ministries of their own (codes
 * starting with {@value #TEST_PREFIX}) and never change the seeded ones.
 */
@QuarkusTest
@WithRealInfrastructure
class MinistryResourceTest {

    static final String MINISTRIES = "/api/personnel/ministries";
    /** No seeded code starts with this. */
    private static final String TEST_PREFIX = "ZZ";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random();

    private static final Set<String> SEEDED_MINISTRIES = Set.of("BQP", "BCA", "BNG", "BNV", "BTP", "BTC", "BCT",
            "BNNMT", "BXD", "BVHTTDL", "BKHCN", "BGDĐT", "BYT", "BDTTG");
    private static final Set<String> SEEDED_AGENCIES = Set.of("NHNN", "TTCP", "VPCP");

    @Test
    void listsTheSeventeenSeededMinistriesAndAgencies() {
        JsonPath list = given().auth().oauth2(VIEWER)
            .when().get(MINISTRIES)
            .then().statusCode(200).contentType(ContentType.JSON)
            .extract().jsonPath();
        List<Map<String, Object>> seeded = list.<Map<String, Object>>getList("$").stream()
                .filter(m -> !((String) m.get("code")).startsWith(TEST_PREFIX))
                .toList();

        assertThat(seeded).hasSize(17);
        assertThat(codesOfKind(seeded, "MINISTRY")).isEqualTo(SEEDED_MINISTRIES);
        assertThat(codesOfKind(seeded, "AGENCY")).isEqualTo(SEEDED_AGENCIES);
        assertThat(seeded).allSatisfy(m -> {
            assertThat(m.get("validFrom")).isEqualTo("2025-03-01");
            assertThat(m.get("validTo")).isNull();
            assertThat((String) m.get("nameVi")).isNotBlank();
            assertThat((String) m.get("nameEn")).isNotBlank();
        });
        assertThat(names(seeded, "BNV")).containsExactly("Bộ Nội vụ", "Ministry of Home Affairs");
        assertThat(names(seeded, "BNNMT")).containsExactly("Bộ Nông nghiệp và Môi trường",
                "Ministry of Agriculture and Environment");
        assertThat(names(seeded, "BDTTG")).containsExactly("Bộ Dân tộc và Tôn giáo",
                "Ministry of Ethnic and Religious Affairs");
        assertThat(names(seeded, "BCT")).containsExactly("Bộ Công Thương", "Ministry of Industry and Trade");
        assertThat(names(seeded, "BGDĐT")).containsExactly("Bộ Giáo dục và Đào tạo",
                "Ministry of Education and Training");
        assertThat(names(seeded, "VPCP")).containsExactly("Văn phòng Chính phủ", "Office of the Government");

        // ministries first, then agencies
        List<String> kinds = list.getList("kind");
        assertThat(kinds.indexOf("AGENCY")).isGreaterThan(kinds.lastIndexOf("MINISTRY"));

        // every signed-in role reads the register
        for (String token : List.of(PLATFORM_ADMIN, BNV_ADMIN, BNV_COORDINATOR, LIAISON_HCM,
                officer("BNV", uniqueEmail("reader")))) {
            given().auth().oauth2(token).get(MINISTRIES).then().statusCode(200).body("code", hasItem("BNV"));
        }
        given().get(MINISTRIES).then().statusCode(401);
    }

    @Test
    void readsOneMinistryWithItsETagAndAnswersAnUnknownCodeWithA404() {
        given().auth().oauth2(BCT_ADMIN)
            .when().get(MINISTRIES + "/BNV")
            .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo("BNV"))
                .body("nameVi", equalTo("Bộ Nội vụ"))
                .body("nameEn", equalTo("Ministry of Home Affairs"))
                .body("kind", equalTo("MINISTRY"))
                .body("validFrom", equalTo("2025-03-01"))
                .body("validTo", nullValue())
                .body("version", equalTo(0));
        given().auth().oauth2(VIEWER)
            .when().get(MINISTRIES + "/TTCP")
            .then().statusCode(200).body("kind", equalTo("AGENCY")).body("nameVi", equalTo("Thanh tra Chính phủ"));

        given().auth().oauth2(BNV_ADMIN)
            .when().get(MINISTRIES + "/BXYZ")
            .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/not-found"))
                .body("detail", containsString("BXYZ"));
        given().auth().oauth2(BNV_ADMIN)
            .when().get(MINISTRIES + "/bnv")
            .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void activeOnListsOnlyTheMinistriesThatExistThatDay() {
        LocalDate today = LocalDate.now(VIETNAM);
        String future = add(ministryJson(newCode(), "Bộ Tương lai", "Ministry of the Future", "MINISTRY",
                today.plusDays(30), null));
        String expired = add(ministryJson(newCode(), "Bộ Đã giải thể", "Dissolved Ministry", "MINISTRY",
                today.minusDays(400), today.minusDays(1)));

        given().auth().oauth2(VIEWER).queryParam("activeOn", today.toString()).get(MINISTRIES)
            .then().statusCode(200)
                .body("code", hasItem("BNV"))
                .body("code", hasItem("VPCP"))
                .body("code", not(hasItem(future)))
                .body("code", not(hasItem(expired)));
        given().auth().oauth2(VIEWER).get(MINISTRIES)
            .then().statusCode(200).body("code", hasItem(future)).body("code", hasItem(expired));
        given().auth().oauth2(VIEWER).queryParam("activeOn", today.plusDays(30).toString()).get(MINISTRIES)
            .then().statusCode(200).body("code", hasItem(future)).body("code", not(hasItem(expired)));
        given().auth().oauth2(VIEWER).queryParam("activeOn", today.minusDays(1).toString()).get(MINISTRIES)
            .then().statusCode(200).body("code", hasItem(expired)).body("code", not(hasItem(future)));
        // before the 2025 reorganisation none of today's bodies existed
        given().auth().oauth2(VIEWER).queryParam("activeOn", "2025-02-28").get(MINISTRIES)
            .then().statusCode(200).body("code", not(hasItem("BNV"))).body("code", not(hasItem("NHNN")));
    }

    @Test
    void aPlatformAdminAddsAMinistryAndNoOneElseMay() {
        String code = newCode();
        String body = ministryJson(code, "Bộ Kinh tế số", "Ministry of Digital Economy", "MINISTRY",
                LocalDate.of(2026, 1, 1), null);

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body(body)
            .when().post(MINISTRIES)
            .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"));
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).body(body)
            .when().post(MINISTRIES).then().statusCode(403);
        given().auth().oauth2(BNV_ADMIN).get(MINISTRIES + "/" + code).then().statusCode(404);

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).body(body)
            .when().post(MINISTRIES)
            .then().statusCode(201)
                .header("Location", containsString(MINISTRIES + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("nameVi", equalTo("Bộ Kinh tế số"))
                .body("nameEn", equalTo("Ministry of Digital Economy"))
                .body("kind", equalTo("MINISTRY"))
                .body("validFrom", equalTo("2026-01-01"))
                .body("validTo", nullValue())
                .body("version", equalTo(0));
        given().auth().oauth2(BNV_ADMIN).get(MINISTRIES + "/" + code)
            .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("nameVi", equalTo("Bộ Kinh tế số"));

        // a second time is a conflict, as is a seeded code
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).body(body)
            .when().post(MINISTRIES)
            .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/conflict"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(ministryJson("BNV", "Bộ Nội vụ mới", "New Home Affairs", "MINISTRY", LocalDate.of(2026, 1, 1), null))
            .when().post(MINISTRIES)
            .then().statusCode(409).contentType(PROBLEM_JSON);
        given().auth().oauth2(VIEWER).get(MINISTRIES + "/BNV")
            .then().body("nameVi", equalTo("Bộ Nội vụ")).header("ETag", equalTo("\"0\""));
    }

    @Test
    void refusesAnInvalidMinistry() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        String code = newCode();
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(ministryJson(code, "Bộ Ngược", "Backwards Ministry", "MINISTRY", from, from.minusDays(1)))
            .when().post(MINISTRIES)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("validTo"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(ministryJson("bkt1", "Bộ Sai mã", "Wrong Code", "MINISTRY", from, null))
            .when().post(MINISTRIES)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("code"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(ministryJson(code, "Bộ Lạ", "Strange", "DEPARTMENT", from, null))
            .when().post(MINISTRIES)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("AGENCY"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(ministryJson(code, "Bộ Lạ", "Strange", "MINISTRY", from, null).replace("2026-01-01", "01/01/2026"))
            .when().post(MINISTRIES)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("validFrom"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(ministryJson(code, " ", "x".repeat(201), "MINISTRY", null, null))
            .when().post(MINISTRIES)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("nameVi"))
                .body("violations.field", hasItem("nameEn"))
                .body("violations.field", hasItem("validFrom"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).body("{\"code\": ")
            .when().post(MINISTRIES)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/malformed-body"));
        // none of them was added
        given().auth().oauth2(PLATFORM_ADMIN).get(MINISTRIES + "/" + code).then().statusCode(404);
    }

    @Test
    void renamesAMinistryWithIfMatchButNeverChangesItsCode() {
        String code = newCode();
        LocalDate from = LocalDate.of(2026, 1, 1);
        add(ministryJson(code, "Bộ Thử nghiệm", "Ministry of Trials", "MINISTRY", from, null));
        String renamed = ministryJson(code, "Bộ Thử nghiệm và Đổi mới", "Ministry of Trials and Innovation",
                "MINISTRY", from, null);

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).body(renamed)
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(428).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/precondition-required"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(403).contentType(PROBLEM_JSON);

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("nameVi", equalTo("Bộ Thử nghiệm và Đổi mới"))
                .body("nameEn", equalTo("Ministry of Trials and Innovation"));

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(renamed.replace("và Đổi mới", "cũ"))
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(412).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/precondition-failed"))
                .body("detail", containsString("\"1\""));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ministryJson(newCode(), "Bộ Thử nghiệm và Đổi mới", "Ministry of Trials and Innovation",
                        "MINISTRY", from, null))
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("code"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ministryJson(code, "Bộ Thử nghiệm", "Ministry of Trials", "MINISTRY", from, from.minusDays(1)))
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("validTo"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(ministryJson("ZZNONE", "Bộ Không có", "No Ministry", "MINISTRY", from, null))
            .when().put(MINISTRIES + "/ZZNONE")
            .then().statusCode(404).contentType(PROBLEM_JSON);

        given().auth().oauth2(VIEWER).get(MINISTRIES + "/" + code)
            .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("nameVi", equalTo("Bộ Thử nghiệm và Đổi mới"));
    }

    @Test
    void anUnchangedRenameKeepsTheVersionAndTheETagItAnswersStillWorks() {
        String code = newCode();
        String body = ministryJson(code, "Bộ Ổn định", "Ministry of Stability", "AGENCY", LocalDate.of(2026, 1, 1),
                null);
        add(body);

        String etag = given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body)
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(200).body("version", equalTo(0))
            .extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        given().auth().oauth2(PLATFORM_ADMIN).get(MINISTRIES + "/" + code).then().header("ETag", equalTo(etag));
        given().auth().oauth2(PLATFORM_ADMIN).get(MINISTRIES + "/" + code + "/audit")
            .then().statusCode(200).body("totalItems", equalTo(1));
        // the client goes on with the ETag it was given
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body.replace("Bộ Ổn định", "Bộ Ổn định mới"))
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    @Test
    void theAuditLogOfAMinistryIsReadByPlatformAdminsOnly() {
        String code = newCode();
        LocalDate from = LocalDate.of(2026, 1, 1);
        add(ministryJson(code, "Bộ Ghi chép", "Ministry of Records", "MINISTRY", from, null));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(ministryJson(code, "Bộ Ghi chép", "Ministry of Records", "MINISTRY", from, LocalDate.of(2026, 6, 30)))
            .when().put(MINISTRIES + "/" + code).then().statusCode(200);

        given().auth().oauth2(PLATFORM_ADMIN).get(MINISTRIES + "/" + code + "/audit")
            .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("updated"))
                .body("items[0].actor", equalTo("platform.admin"))
                .body("items[0].at", notNullValue())
                .body("items[0].changes.size()", equalTo(1))
                .body("items[0].changes[0].field", equalTo("validTo"))
                .body("items[0].changes[0].from", nullValue())
                .body("items[0].changes[0].to", equalTo("2026-06-30"))
                .body("items[1].action", equalTo("created"))
                .body("items[1].changes.find { it.field == 'nameVi' }.to", equalTo("Bộ Ghi chép"))
                .body("items[1].changes.find { it.field == 'kind' }.to", equalTo("MINISTRY"));

        given().auth().oauth2(PLATFORM_ADMIN).get(MINISTRIES + "/BNV/audit")
            .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(PLATFORM_ADMIN).get(MINISTRIES + "/ZZNONE/audit")
            .then().statusCode(404).contentType(PROBLEM_JSON);
        for (String other : List.of(BNV_ADMIN, BNV_COORDINATOR, VIEWER)) {
            given().auth().oauth2(other).get(MINISTRIES + "/" + code + "/audit")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void aMinistryThatNoLongerExistsTakesNoNewOfficialsOrUnits() {
        LocalDate today = LocalDate.now(VIETNAM);
        String code = newCode();
        String current = ministryJson(code, "Bộ Sắp giải thể", "Ministry Soon Dissolved", "MINISTRY",
                today.minusDays(400), null);
        add(current);

        // while it exists, officials are registered in it
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(officialOf(code, uniqueEmail("truoc")))
            .when().post(OFFICIALS)
            .then().statusCode(201).body("ministryCode", equalTo(code));

        // its last day was yesterday
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(ministryJson(code, "Bộ Sắp giải thể", "Ministry Soon Dissolved", "MINISTRY",
                        today.minusDays(400), today.minusDays(1)))
            .when().put(MINISTRIES + "/" + code)
            .then().statusCode(200).body("validTo", equalTo(today.minusDays(1).toString()));

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(officialOf(code, uniqueEmail("sau")))
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("ministryCode"))
                .body("violations[0].message", containsString(code));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body("{\"ministryCode\": \"" + code + "\", \"code\": \"VU-1\", \"name\": \"Vụ Một\", \"type\": \"DEPARTMENT\"}")
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("ministryCode"));

        // a ministry that starts in the future takes none yet either
        String future = add(ministryJson(newCode(), "Bộ Chưa thành lập", "Ministry Not Yet", "MINISTRY",
                today.plusDays(10), null));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(officialOf(future, uniqueEmail("som")))
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("ministryCode"));
    }

    // --- helpers

    /** A fresh ministry code of 2 + 8 letters, in the test namespace. */
    private static String newCode() {
        StringBuilder code = new StringBuilder(TEST_PREFIX);
        for (int i = 0; i < 8; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return code.toString();
    }

    private static String ministryJson(String code, String nameVi, String nameEn, String kind, LocalDate validFrom,
                                       LocalDate validTo) {
        ObjectNode body = JSON.createObjectNode()
                .put("code", code).put("nameVi", nameVi).put("nameEn", nameEn).put("kind", kind)
                .put("validFrom", validFrom == null ? null : validFrom.toString())
                .put("validTo", validTo == null ? null : validTo.toString());
        return body.toString();
    }

    /** Adds a ministry as a platform admin and returns its code. */
    private static String add(String body) {
        return given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).body(body)
            .when().post(MINISTRIES)
            .then().statusCode(201).extract().path("code");
    }

    private static String officialOf(String ministry, String email) {
        return officialJson("Hoàng Văn Sơn", email)
                .replace("\"fullName\"", "\"ministryCode\": \"" + ministry + "\", \"fullName\"");
    }

    private static Set<String> codesOfKind(List<Map<String, Object>> ministries, String kind) {
        return ministries.stream().filter(m -> kind.equals(m.get("kind"))).map(m -> (String) m.get("code"))
                .collect(Collectors.toSet());
    }

    private static List<Object> names(List<Map<String, Object>> ministries, String code) {
        Map<String, Object> ministry = ministries.stream().filter(m -> code.equals(m.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("Ministry " + code + " is not listed"));
        return List.of(ministry.get("nameVi"), ministry.get("nameEn"));
    }
}
