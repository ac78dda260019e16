package vn.secondment.assignment.reference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The read-only API of the administrative units, and the bean the rest of the service injects. */
@QuarkusTest
@WithRealInfrastructure
class ReferenceResourceTest {

    static final String API = "/api/assignment";
    static final String PROVINCES = API + "/provinces";
    static final String COMMUNES = API + "/communes";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    static final String LIAISON = TestTokens.user("liaison.hcm").roles(Roles.PROVINCE_LIAISON).province("79").token();

    @Inject
    AdministrativeUnits units;

    @Test
    void theInjectedBeanServesTheShippedData() {
        assertThat(units.provinceCodes()).hasSize(34);
        assertThat(units.communes("25", AdministrativeUnits.FIRST_DAY)).hasSize(148);
        assertThatThrownBy(() -> units.requireCommuneIn("communeCode", "25942", "75", LocalDate.of(2025, 9, 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations().get(0).message())
                        .isEqualTo("Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh (79), "
                                + "not to Tỉnh Đồng Nai (75)"));
    }

    @Test
    void listsThe34ProvincesWithTheirCommuneCountsOfTheDay() {
        JsonPath before = given().auth().oauth2(VIEWER).queryParam("asOf", "2025-07-01")
            .when().get(PROVINCES)
            .then().statusCode(200).contentType(ContentType.JSON)
            .extract().jsonPath();
        assertThat(before.getList("code")).hasSize(34).contains("01", "25", "75", "79");
        assertThat(before.getList("code", String.class)).isSorted();
        assertThat(count(before.getList("type"), "THANH_PHO")).isEqualTo(6);
        assertThat(count(before.getList("type"), "TINH")).isEqualTo(28);
        assertThat(sum(before, "total")).isEqualTo(3321);
        assertThat(sum(before, "xa")).isEqualTo(2621);
        assertThat(sum(before, "phuong")).isEqualTo(687);
        assertThat(sum(before, "dacKhu")).isEqualTo(13);
        Map<String, Object> phuTho = before.getMap("find { it.code == '25' }");
        assertThat(phuTho).containsEntry("fullName", "Tỉnh Phú Thọ").containsEntry("total", 148)
                .containsEntry("validFrom", "2025-07-01");
        Map<String, Object> dongNai = before.getMap("find { it.code == '75' }");
        assertThat(dongNai).containsEntry("fullName", "Tỉnh Đồng Nai").containsEntry("type", "TINH")
                .containsEntry("xa", 72).containsEntry("phuong", 23).containsEntry("validTo", "2026-04-29");

        JsonPath after = given().auth().oauth2(LIAISON).queryParam("asOf", "2026-04-30")
            .when().get(PROVINCES)
            .then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("code")).hasSize(34);
        assertThat(count(after.getList("type"), "THANH_PHO")).isEqualTo(7);
        assertThat(count(after.getList("type"), "TINH")).isEqualTo(27);
        assertThat(sum(after, "total")).isEqualTo(3321);
        assertThat(sum(after, "xa")).isEqualTo(2611);
        assertThat(sum(after, "phuong")).isEqualTo(697);
        assertThat(sum(after, "dacKhu")).isEqualTo(13);
        assertThat(after.getMap("find { it.code == '75' }")).containsEntry("fullName", "Thành phố Đồng Nai")
                .containsEntry("xa", 62).containsEntry("phuong", 33).containsEntry("total", 95);

        // today by default
        given().auth().oauth2(VIEWER).get(PROVINCES).then().statusCode(200).body("$", hasSize(34));

        // q: words of the name, ignoring case and diacritics, or the code
        given().auth().oauth2(VIEWER).queryParam("q", "ho chi minh").get(PROVINCES)
            .then().statusCode(200).body("code", equalTo(List.of("79")));
        given().auth().oauth2(VIEWER).queryParam("q", "Đồng N").queryParam("asOf", "2025-07-01").get(PROVINCES)
            .then().statusCode(200).body("fullName", equalTo(List.of("Tỉnh Đồng Nai")));
        given().auth().oauth2(VIEWER).queryParam("q", "25").get(PROVINCES)
            .then().statusCode(200).body("name", equalTo(List.of("Phú Thọ")));
    }

    @Test
    void readsAProvinceAsOfADayWithItsHistory() {
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-29")
            .when().get(PROVINCES + "/75")
            .then().statusCode(200)
                .body("code", equalTo("75"))
                .body("fullName", equalTo("Tỉnh Đồng Nai"))
                .body("type", equalTo("TINH"))
                .body("validFrom", equalTo("2025-07-01"))
                .body("validTo", equalTo("2026-04-29"))
                .body("xa", equalTo(72))
                .body("phuong", equalTo(23))
                .body("total", equalTo(95))
                .body("history", hasSize(2));
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-30")
            .when().get(PROVINCES + "/75")
            .then().statusCode(200)
                .body("fullName", equalTo("Thành phố Đồng Nai"))
                .body("type", equalTo("THANH_PHO"))
                .body("validFrom", equalTo("2026-04-30"))
                .body("validTo", nullValue())
                .body("xa", equalTo(62))
                .body("phuong", equalTo(33))
                .body("history.fullName", equalTo(List.of("Tỉnh Đồng Nai", "Thành phố Đồng Nai")))
                .body("history.type", equalTo(List.of("TINH", "THANH_PHO")))
                .body("history[0].validTo", equalTo("2026-04-29"))
                .body("history[1].validFrom", equalTo("2026-04-30"));
        given().auth().oauth2(VIEWER).queryParam("asOf", "2025-07-01")
            .when().get(PROVINCES + "/25")
            .then().statusCode(200).body("total", equalTo(148)).body("history", hasSize(1));

        given().auth().oauth2(VIEWER).get(PROVINCES + "/99")
            .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/not-found"))
                .body("detail", containsString("99"));
        given().auth().oauth2(VIEWER).get(PROVINCES + "/99/communes").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void pagesTheCommunesOfAProvince() {
        JsonPath first = given().auth().oauth2(VIEWER).queryParam("asOf", "2025-07-01").queryParam("size", 100)
            .when().get(PROVINCES + "/25/communes")
            .then().statusCode(200)
                .body("totalItems", equalTo(148))
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .body("items", hasSize(100))
            .extract().jsonPath();
        assertThat(first.getList("items.code", String.class)).isSorted();
        assertThat(first.getList("items.provinceCode")).containsOnly("25");
        assertThat(first.getList("items.provinceFullName")).containsOnly("Tỉnh Phú Thọ");
        given().auth().oauth2(VIEWER).queryParam("asOf", "2025-07-01").queryParam("size", 100).queryParam("page", 1)
            .when().get(PROVINCES + "/25/communes")
            .then().statusCode(200).body("items", hasSize(48)).body("totalItems", equalTo(148));

        // type and q filter; the type of the day
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-29").queryParam("type", "PHUONG")
            .when().get(PROVINCES + "/75/communes")
            .then().statusCode(200).body("totalItems", equalTo(23)).body("items.code", not(hasItem("26248")));
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-30").queryParam("type", "PHUONG")
                .queryParam("size", 50)
            .when().get(PROVINCES + "/75/communes")
            .then().statusCode(200).body("totalItems", equalTo(33)).body("items.code", hasItem("26248"));
        given().auth().oauth2(VIEWER).queryParam("asOf", "2025-07-01").queryParam("q", "dong xoai")
            .when().get(PROVINCES + "/75/communes")
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].code", equalTo("25210"))
                .body("items[0].fullName", equalTo("Phường Đồng Xoài"));
        given().auth().oauth2(VIEWER).queryParam("q", "di an")
            .when().get(PROVINCES + "/75/communes")
            .then().statusCode(200).body("totalItems", equalTo(0)).body("items", hasSize(0));

        given().auth().oauth2(VIEWER).queryParam("size", 101).get(PROVINCES + "/25/communes")
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("size"));
    }

    @Test
    void searchesCommunesIgnoringCaseAndDiacritics() {
        for (String q : List.of("di an", "Dĩ An", "DI AN", "phuong di an")) {
            given().auth().oauth2(VIEWER).queryParam("q", q).queryParam("asOf", "2025-07-01")
                .when().get(COMMUNES)
                .then().statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].code", equalTo("25942"))
                    .body("items[0].fullName", equalTo("Phường Dĩ An"))
                    .body("items[0].type", equalTo("PHUONG"))
                    .body("items[0].provinceCode", equalTo("79"))
                    .body("items[0].provinceFullName", equalTo("Thành phố Hồ Chí Minh"));
        }
        given().auth().oauth2(VIEWER).queryParam("q", "ba che").get(COMMUNES)
            .then().statusCode(200)
                .body("items[0].code", equalTo("06970"))
                .body("items[0].fullName", equalTo("Xã Ba Chẽ"));

        // exact names first, then by code
        JsonPath tanPhu = given().auth().oauth2(VIEWER).queryParam("q", "Tân Phú").queryParam("asOf", "2025-07-01")
                .queryParam("size", 100)
            .when().get(COMMUNES)
            .then().statusCode(200).extract().jsonPath();
        List<String> names = tanPhu.getList("items.name");
        assertThat(names.subList(0, 6)).containsOnly("Tân Phú");
        assertThat(names.subList(6, names.size())).doesNotContain("Tân Phú");
        assertThat(tanPhu.getList("items.code", String.class).subList(0, 6)).isSorted();

        // province and type filters
        given().auth().oauth2(VIEWER).queryParam("q", "tan phu").queryParam("province", "79")
                .queryParam("asOf", "2025-07-01")
            .when().get(COMMUNES)
            .then().statusCode(200)
                .body("items.provinceCode", not(hasItem("75")))
                .body("items[0].code", equalTo("27031"));
        given().auth().oauth2(VIEWER).queryParam("province", "75").queryParam("type", "XA")
                .queryParam("asOf", "2026-04-30")
            .when().get(COMMUNES)
            .then().statusCode(200).body("totalItems", equalTo(62));
        given().auth().oauth2(VIEWER).queryParam("type", "DAC_KHU").queryParam("asOf", "2025-07-01")
            .when().get(COMMUNES)
            .then().statusCode(200).body("totalItems", equalTo(13));
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-30").queryParam("size", 1)
            .when().get(COMMUNES)
            .then().statusCode(200).body("totalItems", equalTo(3321)).body("items", hasSize(1));

        given().auth().oauth2(VIEWER).queryParam("province", "99").get(COMMUNES)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("province"))
                .body("violations[0].message", containsString("99"));
        given().auth().oauth2(VIEWER).queryParam("q", "x".repeat(101)).get(COMMUNES)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("q"));
    }

    @Test
    void readsACommuneWithItsProvinceAndHistory() {
        given().auth().oauth2(VIEWER).queryParam("asOf", "2025-07-01")
            .when().get(COMMUNES + "/25942")
            .then().statusCode(200)
                .body("code", equalTo("25942"))
                .body("name", equalTo("Dĩ An"))
                .body("fullName", equalTo("Phường Dĩ An"))
                .body("type", equalTo("PHUONG"))
                .body("provinceCode", equalTo("79"))
                .body("provinceName", equalTo("Hồ Chí Minh"))
                .body("provinceFullName", equalTo("Thành phố Hồ Chí Minh"))
                .body("nameEn", equalTo("Di An"))
                .body("history", hasSize(1));
        given().auth().oauth2(VIEWER).get(COMMUNES + "/06970")
            .then().statusCode(200).body("fullName", equalTo("Xã Ba Chẽ")).body("provinceCode", equalTo("22"));
        given().auth().oauth2(VIEWER).get(COMMUNES + "/06978").then().statusCode(404).contentType(PROBLEM_JSON);

        // a xã that became a phường has two versions
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-29")
            .when().get(COMMUNES + "/26248")
            .then().statusCode(200)
                .body("fullName", equalTo("Xã Trảng Bom"))
                .body("type", equalTo("XA"))
                .body("provinceFullName", equalTo("Tỉnh Đồng Nai"))
                .body("validTo", equalTo("2026-04-29"));
        given().auth().oauth2(VIEWER).queryParam("asOf", "2026-04-30")
            .when().get(COMMUNES + "/26248")
            .then().statusCode(200)
                .body("fullName", equalTo("Phường Trảng Bom"))
                .body("type", equalTo("PHUONG"))
                .body("provinceFullName", equalTo("Thành phố Đồng Nai"))
                .body("validFrom", equalTo("2026-04-30"))
                .body("validTo", nullValue())
                .body("history", hasSize(2))
                .body("history.fullName", equalTo(List.of("Xã Trảng Bom", "Phường Trảng Bom")))
                .body("history.type", equalTo(List.of("XA", "PHUONG")))
                .body("history[0].validFrom", equalTo("2025-07-01"))
                .body("history[0].validTo", equalTo("2026-04-29"))
                .body("history[1].validFrom", equalTo("2026-04-30"));

        given().auth().oauth2(VIEWER).get(COMMUNES + "/99999")
            .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/not-found"))
                .body("detail", containsString("99999"));
    }

    @Test
    void refusesABadAsOfOrTypeAndAnyoneWithoutAToken() {
        for (String path : List.of(PROVINCES, PROVINCES + "/75", PROVINCES + "/75/communes", COMMUNES,
                COMMUNES + "/25942")) {
            given().auth().oauth2(VIEWER).queryParam("asOf", "2025-06-30").get(path)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                    .body("violations[0].field", equalTo("asOf"))
                    .body("violations[0].message", containsString("2025-07-01"));
            given().auth().oauth2(VIEWER).queryParam("asOf", "2025-13-45").get(path)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("asOf"));
            given().get(path).then().statusCode(401);
        }
        given().auth().oauth2(VIEWER).queryParam("type", "WARD").get(COMMUNES)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("PHUONG"));
        given().auth().oauth2(VIEWER).queryParam("type", "phuong").get(PROVINCES + "/75/communes")
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.user("viewer").roles(Roles.VIEWER).audience("another-api").token())
            .get(PROVINCES).then().statusCode(401);
    }

    @Test
    void documentsTheOperationsInOpenApi() {
        given().queryParam("format", "json")
            .when().get("/q/openapi")
            .then().statusCode(200)
                .body("paths.'/api/assignment/provinces'.get.operationId", equalTo("listProvinces"))
                .body("paths.'/api/assignment/provinces/{code}'.get.operationId", equalTo("getProvince"))
                .body("paths.'/api/assignment/provinces/{code}/communes'.get.operationId",
                        equalTo("listProvinceCommunes"))
                .body("paths.'/api/assignment/communes'.get.operationId", equalTo("searchCommunes"))
                .body("paths.'/api/assignment/communes/{code}'.get.operationId", equalTo("getCommune"))
                // the console pre-fills examples: optional query parameters have none
                .body("paths.'/api/assignment/communes'.get.parameters.findAll { it.in == 'query' && "
                        + "it.name != 'page' && it.name != 'size' }.example", not(hasItem(not(nullValue()))));
    }

    private static long count(List<Object> values, String value) {
        return values.stream().filter(value::equals).count();
    }

    private static int sum(JsonPath list, String field) {
        return list.getList(field, Integer.class).stream().mapToInt(Integer::intValue).sum();
    }
}
