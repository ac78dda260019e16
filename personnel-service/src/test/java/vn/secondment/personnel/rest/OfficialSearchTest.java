package vn.secondment.personnel.rest;

import vn.secondment.personnel.support.Directory;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.rest.security.Roles;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.personnel.support.Annexes.createUnit;
import static vn.secondment.personnel.support.Annexes.marker;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_COORDINATOR;
import static vn.secondment.personnel.support.Directory.LIAISON_HCM;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.VIEWER;
import static vn.secondment.personnel.support.Directory.officer;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/**
 * The list of officials: text search, every filter, sorting, paging, scope and masking. Each test puts its officials
 * in a unit of its own (or gives their emails a marker) so the shared database's other rows never match.
 */
@QuarkusTest
@WithRealInfrastructure
class OfficialSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @InjectTestKafka
    TestKafka kafka;

    // ---- text search

    @Test
    void textSearchIgnoresDiacriticsAndCaseAndMatchesAtWordStarts() {
        String unit = newUnit(BNV_ADMIN);
        String hoaEmail = uniqueEmail("hoa.nt");
        add(BNV_ADMIN, unit, "Nguyễn Thị Hoa", hoaEmail);
        add(BNV_ADMIN, unit, "Đặng Văn Đức", uniqueEmail("duc.dv"));
        add(BNV_ADMIN, unit, "Nguyễn Văn Khoa", uniqueEmail("khoa.nv"));
        add(BNV_ADMIN, unit, "Trần Thị Thu Hương", uniqueEmail("huong.ttt"));

        assertThat(search(BNV_ADMIN, unit, "nguyen thi hoa")).containsExactly("Nguyễn Thị Hoa");
        assertThat(search(BNV_ADMIN, unit, "NGUYỄN THỊ HOA")).containsExactly("Nguyễn Thị Hoa");
        assertThat(search(BNV_ADMIN, unit, Normalizer.normalize("Nguyễn Thị Hoa", Normalizer.Form.NFD)))
                .containsExactly("Nguyễn Thị Hoa");
        assertThat(search(BNV_ADMIN, unit, "hoa thi")).containsExactly("Nguyễn Thị Hoa");
        assertThat(search(BNV_ADMIN, unit, "ĐẶNG")).containsExactly("Đặng Văn Đức");
        assertThat(search(BNV_ADMIN, unit, "dang")).containsExactly("Đặng Văn Đức");
        assertThat(search(BNV_ADMIN, unit, "đức")).containsExactly("Đặng Văn Đức");
        // at word starts: "hoa" is not inside "Khoa", "oa" starts no word
        assertThat(search(BNV_ADMIN, unit, "hoa")).containsExactly("Nguyễn Thị Hoa");
        assertThat(search(BNV_ADMIN, unit, "oa")).isEmpty();
        assertThat(search(BNV_ADMIN, unit, "kho")).containsExactly("Nguyễn Văn Khoa");
        // a word prefix, every word must match
        assertThat(search(BNV_ADMIN, unit, "ngu")).containsExactly("Nguyễn Thị Hoa", "Nguyễn Văn Khoa");
        assertThat(search(BNV_ADMIN, unit, "thi")).containsExactly("Nguyễn Thị Hoa", "Trần Thị Thu Hương");
        assertThat(search(BNV_ADMIN, unit, "nguyen huong")).isEmpty();
        // blank q is no filter
        assertThat(search(BNV_ADMIN, unit, "  ")).hasSize(4);

        // by the email's beginning, in any case; the unique part finds it in the whole directory
        assertThat(search(BNV_ADMIN, unit, "hoa.nt")).containsExactly("Nguyễn Thị Hoa");
        assertThat(search(BNV_ADMIN, unit, hoaEmail.toUpperCase(Locale.ROOT))).containsExactly("Nguyễn Thị Hoa");
        String local = hoaEmail.substring(0, hoaEmail.indexOf('@'));
        given().auth().oauth2(BNV_ADMIN).queryParam("q", local).get(OFFICIALS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].email", equalTo(hoaEmail));
        // a LIKE wildcard is text, not a pattern
        assertThat(search(BNV_ADMIN, unit, "h_a")).isEmpty();
    }

    // ---- filters

    @Test
    void repeatingMinistryListsSeveralMinistriesSideBySide() {
        String m = marker();
        add(BNV_ADMIN, null, "Lê Thị Ánh", m + ".anhlt@bnv.example.vn");
        add(BNV_ADMIN, null, "Vũ Văn Bảo", m + ".baovv@bnv.example.vn");
        add(BCT_ADMIN, null, "Phan Văn Cường", m + ".cuongpv@bct.example.vn");
        add(PLATFORM_ADMIN, null, "Mai Văn Dũng", m + ".dungmv@mof.example.vn",
                o -> with(o, "ministryCode", "BTC"));

        JsonPath both = list(BNV_ADMIN, s -> s.queryParam("q", m).queryParam("ministry", "BNV", "BCT")
                .queryParam("sort", "ministryCode,fullName"));
        assertThat(both.getList("items.fullName")).containsExactly("Phan Văn Cường", "Lê Thị Ánh", "Vũ Văn Bảo");
        assertThat(both.getList("items.ministryCode")).containsExactly("BCT", "BNV", "BNV");
        assertThat(both.getInt("totalItems")).isEqualTo(3);

        assertThat(names(BNV_ADMIN, s -> s.queryParam("q", m).queryParam("ministry", "BCT")))
                .containsExactly("Phan Văn Cường");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("q", m).queryParam("ministry", "BNV")))
                .containsExactly("Lê Thị Ánh", "Vũ Văn Bảo");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("q", m)))
                .containsExactly("Lê Thị Ánh", "Vũ Văn Bảo", "Phan Văn Cường", "Mai Văn Dũng");
        assertThat(names(VIEWER, s -> s.queryParam("q", m).queryParam("ministry", "BCT", "BTC")
                .queryParam("sort", "-ministryCode")))
                .containsExactly("Mai Văn Dũng", "Phan Văn Cường");
    }

    @Test
    void filtersByUnit() {
        String first = newUnit(BNV_ADMIN);
        String second = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, first, "Hồ Văn Nam", uniqueEmail("nam.hv"));
        add(BNV_ADMIN, second, "Hồ Thị Bắc", uniqueEmail("bac.ht"));

        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", first))).containsExactly("Hồ Văn Nam");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", second))).containsExactly("Hồ Thị Bắc");
        given().auth().oauth2(BNV_ADMIN).queryParam("unitId", first)
            .when().get(OFFICIALS)
            .then().body("items[0].unit.id", equalTo(first));
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", UUID.randomUUID()))).isEmpty();
        badFilter("unitId", "not-a-uuid");
    }

    @Test
    void filtersByExactPositionIgnoringCase() {
        String unit = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, unit, "Lê Văn Phó", uniqueEmail("pho.lv"), o -> with(o, "position", "Phó Vụ trưởng"));
        add(BNV_ADMIN, unit, "Lê Văn Trưởng", uniqueEmail("truong.lv"), o -> with(o, "position", "Vụ trưởng"));
        add(BNV_ADMIN, unit, "Lê Thị Ủy", uniqueEmail("uy.lt"), o -> with(o, "position", "Ủy viên Hội đồng"));
        add(BNV_ADMIN, unit, "Lê Văn Đội", uniqueEmail("doi.lv"), o -> with(o, "position", "Đội trưởng"));

        assertThat(byPosition(unit, "Phó Vụ trưởng")).containsExactly("Lê Văn Phó");
        assertThat(byPosition(unit, "phó vụ trưởng")).containsExactly("Lê Văn Phó");
        assertThat(byPosition(unit, "PHÓ VỤ TRƯỞNG")).containsExactly("Lê Văn Phó");
        assertThat(byPosition(unit, "  Vụ trưởng ")).containsExactly("Lê Văn Trưởng");
        // capitals outside ASCII fold too
        assertThat(byPosition(unit, "ủy viên hội đồng")).containsExactly("Lê Thị Ủy");
        assertThat(byPosition(unit, "ĐỘI TRƯỞNG")).containsExactly("Lê Văn Đội");
        assertThat(byPosition(unit, "đội trưởng")).containsExactly("Lê Văn Đội");
        // exact, not a prefix
        assertThat(byPosition(unit, "Phó")).isEmpty();
    }

    @Test
    void filtersByCategory() {
        String unit = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, unit, "Đào Văn Công", uniqueEmail("cong.dv"), o -> with(o, "category", "CIVIL_SERVANT"));
        add(BNV_ADMIN, unit, "Đào Thị Viên", uniqueEmail("vien.dt"), o -> with(o, "category", "PUBLIC_EMPLOYEE"));
        add(BNV_ADMIN, unit, "Đào Văn Chưa", uniqueEmail("chua.dv"), o -> with(o, "category", null));

        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("category", "CIVIL_SERVANT")))
                .containsExactly("Đào Văn Công");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("category", "PUBLIC_EMPLOYEE")))
                .containsExactly("Đào Thị Viên");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit))).hasSize(3);
        badFilter("category", "OTHER");
    }

    @Test
    void filtersByOneFieldOfExpertiseIgnoringCaseAndDiacritics() {
        String unit = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, unit, "Tạ Văn Máy", uniqueEmail("may.tv"),
                o -> with(o, "expertise", List.of("tổ chức bộ máy", "Tiền lương")));
        add(BNV_ADMIN, unit, "Tạ Thị Cải", uniqueEmail("cai.tt"),
                o -> with(o, "expertise", List.of("cải cách hành chính")));
        add(BNV_ADMIN, unit, "Tạ Văn Không", uniqueEmail("khong.tv"), o -> with(o, "expertise", List.of()));

        assertThat(byExpertise(unit, "tổ chức bộ máy")).containsExactly("Tạ Văn Máy");
        assertThat(byExpertise(unit, "to chuc bo may")).containsExactly("Tạ Văn Máy");
        assertThat(byExpertise(unit, "TIỀN LƯƠNG")).containsExactly("Tạ Văn Máy");
        assertThat(byExpertise(unit, "tien luong")).containsExactly("Tạ Văn Máy");
        assertThat(byExpertise(unit, "Cai Cach Hanh Chinh")).containsExactly("Tạ Thị Cải");
        // one whole field, not a part of one
        assertThat(byExpertise(unit, "to chuc")).isEmpty();
    }

    @Test
    void filtersBySecondmentStatusAsAssignmentServiceReportsIt() {
        String unit = newUnit(BNV_ADMIN);
        String onSite = add(BNV_ADMIN, unit, "Kiều Văn Đi", uniqueEmail("di.kv"));
        String planned = add(BNV_ADMIN, unit, "Kiều Thị Chờ", uniqueEmail("cho.kt"));
        add(BNV_ADMIN, unit, "Kiều Văn Ở", uniqueEmail("o.kv"));

        publishAssignment(onSite, AssignmentEvents.ASSIGNMENT_STARTED.name(), "ACTIVE");
        publishAssignment(planned, AssignmentEvents.ASSIGNMENT_CREATED.name(), "PLANNED");
        awaitStatus(onSite, "ON_SECONDMENT");
        awaitStatus(planned, "ASSIGNED");

        assertThat(byStatus(unit, "ON_SECONDMENT")).containsExactly("Kiều Văn Đi");
        assertThat(byStatus(unit, "ASSIGNED")).containsExactly("Kiều Thị Chờ");
        assertThat(byStatus(unit, "AVAILABLE")).containsExactly("Kiều Văn Ở");
        badFilter("secondmentStatus", "RETIRED");
    }

    @Test
    void filtersByActive() {
        String unit = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, unit, "Lưu Văn Còn", uniqueEmail("con.lv"));
        String retired = add(BNV_ADMIN, unit, "Lưu Thị Nghỉ", uniqueEmail("nghi.lt"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Nghỉ hưu từ 01/12/2025\"}")
            .when().post(OFFICIALS + "/" + retired + "/deactivation")
            .then().statusCode(200);

        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("active", true)))
                .containsExactly("Lưu Văn Còn");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("active", false)))
                .containsExactly("Lưu Thị Nghỉ");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit))).containsExactly("Lưu Văn Còn", "Lưu Thị Nghỉ");
        badFilter("active", "maybe");
    }

    @Test
    void filtersCombine() {
        String unit = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, unit, "Lý Văn Hợp", uniqueEmail("hop.lv"),
                o -> with(with(o, "position", "Trưởng phòng"), "expertise", List.of("tiền lương")));
        add(BNV_ADMIN, unit, "Lý Thị Hoa", uniqueEmail("hoa.lt"),
                o -> with(with(o, "position", "Trưởng phòng"), "expertise", List.of("văn thư, lưu trữ")));
        add(BNV_ADMIN, unit, "Lý Văn Hải", uniqueEmail("hai.lv"),
                o -> with(with(o, "position", "Chuyên viên"), "expertise", List.of("tiền lương")));

        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("position", "trưởng phòng")
                .queryParam("expertise", "tien luong").queryParam("q", "ly").queryParam("ministry", "BNV")
                .queryParam("active", true).queryParam("category", "CIVIL_SERVANT")))
                .containsExactly("Lý Văn Hợp");
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("position", "trưởng phòng")
                .queryParam("ministry", "BCT"))).isEmpty();
    }

    @Test
    void answersNulInASearchOrASortNamingNoFieldAsBadParametersNotServerErrors() {
        given().auth().oauth2(BNV_ADMIN).urlEncodingEnabled(false)
            .when().get(OFFICIALS + "?q=Ho%00a&unitId=" + UUID.randomUUID())
            .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("q"));
        given().auth().oauth2(BNV_ADMIN).queryParam("sort", ",")
            .when().get(OFFICIALS)
            .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("sort"));
    }

    // ---- sorting

    @Test
    void sortsByGivenNameThenFullNameAsVietnameseListsDoAndByCreationTime() {
        String unit = newUnit(BNV_ADMIN);
        List<String> registered = List.of("Trần Thị Bình", "Đặng Văn Đức", "Nguyễn Văn An", "Vũ Thị Hoa",
                "Phạm Thị Ánh", "Lê Văn An");
        for (String name : registered) {
            add(BNV_ADMIN, unit, name, uniqueEmail("sort"));
        }
        List<String> vietnameseOrder = List.of("Lê Văn An", "Nguyễn Văn An", "Phạm Thị Ánh", "Trần Thị Bình",
                "Đặng Văn Đức", "Vũ Thị Hoa");

        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("sort", "fullName")))
                .containsExactlyElementsOf(vietnameseOrder);
        // the default order
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit))).containsExactlyElementsOf(vietnameseOrder);
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("sort", "-fullName")))
                .containsExactlyElementsOf(reversed(vietnameseOrder));
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("sort", "createdAt")))
                .containsExactlyElementsOf(registered);
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("sort", "-createdAt")))
                .containsExactlyElementsOf(reversed(registered));
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("sort", "ministryCode,-createdAt")))
                .containsExactlyElementsOf(reversed(registered));
    }

    @Test
    void anUnknownSortFieldIsA400NamingSort() {
        given().auth().oauth2(BNV_ADMIN).queryParam("sort", "dateOfBirth")
            .when().get(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("sort"))
                .body("violations[0].message", containsString("fullName"));
        given().auth().oauth2(BNV_ADMIN).queryParam("sort", "fullName,-phone")
            .when().get(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("sort"))
                .body("violations[0].message", containsString("'phone'"));
    }

    // ---- paging

    @Test
    void pagesThroughTheListWithoutOverlapOrGaps() {
        String unit = newUnit(BNV_ADMIN);
        for (String name : List.of("Âu Văn Một", "Âu Văn Hai", "Âu Văn Ba", "Âu Văn Bốn", "Âu Văn Năm")) {
            add(BNV_ADMIN, unit, name, uniqueEmail("page"));
        }

        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            int p = page;
            JsonPath body = list(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("page", p)
                    .queryParam("size", 2));
            assertThat(body.getInt("page")).isEqualTo(page);
            assertThat(body.getInt("size")).isEqualTo(2);
            assertThat(body.getLong("totalItems")).isEqualTo(5);
            assertThat(body.getList("items")).hasSize(page < 2 ? 2 : 1);
            seen.addAll(body.getList("items.id", String.class));
        }
        assertThat(seen).hasSize(5);
        assertThat(names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("page", 0).queryParam("size", 2)))
                .containsExactly("Âu Văn Ba", "Âu Văn Bốn");

        // past the end: an empty page that still tells how many there are
        given().auth().oauth2(BNV_ADMIN).queryParam("unitId", unit).queryParam("page", 3).queryParam("size", 2)
            .when().get(OFFICIALS)
            .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(5)).body("page", equalTo(3));
        // defaults
        given().auth().oauth2(BNV_ADMIN).queryParam("unitId", unit)
            .when().get(OFFICIALS)
            .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void refusesAPageSizeAbove100AndANegativePage() {
        given().auth().oauth2(BNV_ADMIN).queryParam("size", 100).get(OFFICIALS).then().statusCode(200);
        given().auth().oauth2(BNV_ADMIN).queryParam("size", 101)
            .when().get(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(BNV_ADMIN).queryParam("size", 0)
            .when().get(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(BNV_ADMIN).queryParam("page", -1)
            .when().get(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("page"));
    }

    // ---- scope and masking

    @Test
    void anOfficersListHoldsOnlyTheirOwnRecord() {
        String unit = newUnit(BNV_ADMIN);
        String email = uniqueEmail("tuan.nm");
        String own = add(BNV_ADMIN, unit, "Ninh Minh Tuấn", email);
        add(BNV_ADMIN, unit, "Ninh Thị Lan", uniqueEmail("lan.nt"));
        String token = officer("BNV", email);

        given().auth().oauth2(token)
            .when().get(OFFICIALS)
            .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(own))
                .body("items[0].phone", equalTo("0912345678"))
                .body("items[0].personalDataMasked", equalTo(false));
        assertThat(names(token, s -> s.queryParam("unitId", unit))).containsExactly("Ninh Minh Tuấn");
        assertThat(names(token, s -> s.queryParam("q", "ninh thi lan"))).isEmpty();
        assertThat(names(token, s -> s.queryParam("ministry", "BCT"))).isEmpty();
        // an officer whose email Keycloak has not verified is linked to nobody
        String unverified = TestTokens.user("unverified.officer").roles(Roles.OFFICER).ministry("BNV").token();
        given().auth().oauth2(unverified).queryParam("unitId", unit)
            .when().get(OFFICIALS)
            .then().statusCode(200).body("totalItems", equalTo(0)).body("items", empty());
    }

    @Test
    void listsMaskPersonalDetailsForThoseOutsideTheOfficialsMinistry() {
        String unit = newUnit(BNV_ADMIN);
        add(BNV_ADMIN, unit, "Quách Thị Mỹ", uniqueEmail("my.qt"));

        for (String outsider : List.of(VIEWER, BCT_ADMIN, LIAISON_HCM)) {
            given().auth().oauth2(outsider).queryParam("unitId", unit)
                .when().get(OFFICIALS)
                .then().statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].fullName", equalTo("Quách Thị Mỹ"))
                    .body("items[0].phone", equalTo("*******678"))
                    .body("items[0].dateOfBirth", nullValue())
                    .body("items[0].personalDataMasked", equalTo(true));
        }
        for (String insider : List.of(BNV_ADMIN, BNV_COORDINATOR, PLATFORM_ADMIN)) {
            given().auth().oauth2(insider).queryParam("unitId", unit)
                .when().get(OFFICIALS)
                .then().statusCode(200)
                    .body("items[0].phone", equalTo("0912345678"))
                    .body("items[0].dateOfBirth", equalTo("1980-05-17"))
                    .body("items[0].personalDataMasked", equalTo(false));
        }
    }

    // ---- helpers

    /** A unit of the admin's ministry, only for the calling test. */
    private static String newUnit(String adminToken) {
        String m = marker();
        return createUnit(adminToken, "T-" + m.toUpperCase(Locale.ROOT), "Đơn vị thử " + m);
    }

    private static Map<String, Object> official(String fullName, String email, String unitId) {
        return Directory.officialFields(fullName, email, unitId);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static String add(String adminToken, String unitId, String fullName, String email) {
        return add(adminToken, unitId, fullName, email, UnaryOperator.identity());
    }

    /** Registers an official through the API and returns the id. */
    private static String add(String adminToken, String unitId, String fullName, String email,
                              UnaryOperator<Map<String, Object>> change) {
        try {
            return given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(change.apply(official(fullName, email, unitId))))
                .when().post(OFFICIALS)
                .then().statusCode(201).extract().path("id");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath list(String token, UnaryOperator<RequestSpecification> query) {
        return query.apply(given().auth().oauth2(token))
            .when().get(OFFICIALS)
            .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> names(String token, UnaryOperator<RequestSpecification> query) {
        return list(token, query).getList("items.fullName", String.class);
    }

    private static List<String> search(String token, String unit, String q) {
        return names(token, s -> s.queryParam("unitId", unit).queryParam("q", q));
    }

    private static List<String> byPosition(String unit, String position) {
        return names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("position", position));
    }

    private static List<String> byExpertise(String unit, String expertise) {
        return names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("expertise", expertise));
    }

    private static List<String> byStatus(String unit, String status) {
        return names(BNV_ADMIN, s -> s.queryParam("unitId", unit).queryParam("secondmentStatus", status));
    }

    /** A filter value that cannot be read is a 400 naming the parameter, not an empty list. */
    private static void badFilter(String parameter, String value) {
        given().auth().oauth2(BNV_ADMIN).queryParam(parameter, value)
            .when().get(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo(parameter));
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** What assignment-service publishes when an assignment of {@code officialId} changes. */
    private void publishAssignment(String officialId, String type, String status) {
        String assignmentId = UUID.randomUUID().toString();
        String envelope = """
                {"specversion": "1.0", "id": "%s", "source": "/assignment-service", "type": "%s",
                 "subject": "%s", "time": "%s", "datacontenttype": "application/json", "ministry": "BNV",
                 "schemaversion": 1,
                 "data": {"assignmentId": "%s", "deploymentId": "%s", "officialId": "%s", "ministryCode": "BNV",
                          "provinceCode": "79", "startDate": "2025-09-01", "endDate": "2026-02-28",
                          "status": "%s", "replacementAssignmentId": null}}"""
                .formatted(UUID.randomUUID(), type, assignmentId, Instant.now(), assignmentId, UUID.randomUUID(),
                        officialId, status);
        kafka.publishRaw(Topics.ASSIGNMENT, assignmentId, envelope);
    }

    private static void awaitStatus(String officialId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + officialId)
                    .then().statusCode(200).body("secondmentStatus", equalTo(status)));
    }
}
