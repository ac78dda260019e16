package vn.secondment.personnel.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.secondment.testing.WithRealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.UNITS;
import static vn.secondment.personnel.support.Directory.VIEWER;

/**
 * How personnel-service answers input it cannot take, as other systems send it: every violation at once, dates no
 * database stores named at their field, and media types named instead of the framework's internals.
 */
@QuarkusTest
@WithRealInfrastructure
class ErrorAnswersTest {

    @Test
    void aBodyDateOfAYearPostgresCannotStoreIsA400NamingTheField() {
        for (String far : new String[]{"+999999999-12-31", "-0001-01-01", "10000-01-01"}) {
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body("{\"fullName\":\"Nguyễn Thị Hoa\",\"email\":\"hoa.far@bnv.example.vn\",\"dateOfBirth\":\""
                            + far + "\"}")
                .when().post(OFFICIALS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", containsInAnyOrder("dateOfBirth"))
                    .body("violations[0].message", equalTo("must be a date (yyyy-MM-dd)"));
        }
    }

    @Test
    void aTypeErrorInTheBodyIsReportedWithEveryOtherViolation() {
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"fullName\":\"\",\"email\":\"not-an-email\",\"gender\":\"X\",\"dateOfBirth\":\"+999999999-12-31\","
                        + "\"unitId\":42,\"nickname\":\"Hoa\",\"expertise\":[\"tiền lương\",\"\"]}")
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations.field", containsInAnyOrder("dateOfBirth", "email", "expertise[1]", "fullName",
                        "gender", "nickname", "unitId"))
                .body("violations.find { it.field == 'nickname' }.message", equalTo("is not a known field"))
                .body("violations.find { it.field == 'unitId' }.message", equalTo("must be a UUID"))
                .body("detail", allOf(containsString("dateOfBirth"), containsString("email")));
    }

    @Test
    void everyBadQueryParameterIsReportedTogether() {
        given().auth().oauth2(VIEWER)
                .queryParam("size", "abc").queryParam("page", "-1").queryParam("category", "NOBODY")
                .queryParam("active", "maybe").queryParam("position", "x".repeat(101))
            .when().get(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", containsInAnyOrder("active", "category", "page", "position", "size"));
        given().auth().oauth2(VIEWER)
                .queryParam("parentId", "not-a-uuid").queryParam("type", "NOTHING")
            .when().get(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", containsInAnyOrder("parentId", "type"));
    }

    @Test
    void anUnsupportedBodyTypeNamesWhatTheOperationAccepts() {
        given().auth().oauth2(BNV_ADMIN).contentType("text/plain").body("Nguyễn Thị Hoa")
            .when().post(OFFICIALS)
            .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("text/plain"), containsString("application/json"),
                        not(containsString("@Consumes"))));
        given().auth().oauth2(BNV_ADMIN).contentType("application/xml").body("<official/>")
            .when().patch(OFFICIALS + "/6f1c2a9e-2b1f-4c55-9a53-0c6d3e9b8a11")
            .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("application/xml"),
                        containsString("application/merge-patch+json")));
    }

    @Test
    void anUnacceptableAnswerTypeNamesWhatTheOperationAnswersWith() {
        given().auth().oauth2(VIEWER).accept("text/html")
            .when().get(UNITS)
            .then().statusCode(406).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("text/html"), containsString("application/json"),
                        not(containsString("@Produces"))));
        given().auth().oauth2(VIEWER).accept("application/pdf")
            .when().get(OFFICIALS + "/export")
            .then().statusCode(406).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString("application/pdf"), containsString("text/csv")));
    }
}
