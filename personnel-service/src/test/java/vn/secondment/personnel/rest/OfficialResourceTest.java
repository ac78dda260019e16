package vn.secondment.personnel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.CREATED;
import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithRealInfrastructure
class OfficialResourceTest {

    private static final String BNV_ADMIN = TestTokens.user("bnv.admin").roles(Roles.MINISTRY_ADMIN).ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN).ministry("BCT").token();
    private static final String BNV_OFFICER = TestTokens.user("bnv.officer").roles(Roles.OFFICER).ministry("BNV").token();
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String PROBLEM_JSON = "application/problem+json";

    private static KafkaCompanion kafka;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void connectKafka() {
        kafka = TestKafka.companion();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void registersAnOfficialAndPublishesTheEventThroughTheOutbox() throws Exception {
        String id = given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("""
                        {"fullName": "Nguyễn Thị Hoa", "position": "Phó Vụ trưởng", "email": "hoa.nt@moha.gov.vn"}""")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(CREATED.getStatusCode())
                .header("Location", containsString("/api/personnel/officials/"))
                .header("ETag", notNullValue())
                .body("fullName", equalTo("Nguyễn Thị Hoa"))
                .body("ministryCode", equalTo("BNV"))
                .body("active", equalTo(true))
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                .fromTopics(Topics.PERSONNEL)
                .awaitRecords(1, Duration.ofSeconds(20))
                .getRecords();
        ConsumerRecord<String, String> record = records.stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        JsonNode envelope = json.readTree(record.value());
        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.path("type").asText()).isEqualTo(PersonnelEvents.OFFICIAL_REGISTERED.name());
        assertThat(envelope.path("source").asText()).isEqualTo("/personnel-service");
        assertThat(envelope.path("subject").asText()).isEqualTo(id);
        assertThat(envelope.path("ministry").asText()).isEqualTo("BNV");
        assertThat(envelope.path("schemaversion").asInt()).isEqualTo(1);
        assertThat(envelope.path("data").path("fullName").asText()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(new String(record.headers().lastHeader("ce_type").value()))
                .isEqualTo(PersonnelEvents.OFFICIAL_REGISTERED.name());
    }

    @Test
    void storesNamesInUnicodeNfc() {
        String decomposed = Normalizer.normalize("Trần Văn Đức", Normalizer.Form.NFD);
        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"" + decomposed + "\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(CREATED.getStatusCode())
                .body("fullName", equalTo(Normalizer.normalize("Trần Văn Đức", Normalizer.Form.NFC)));
    }

    @Test
    void rejectsRequestsWithoutAToken() {
        given()
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Lê Văn An\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode());
    }

    @Test
    void refusesAMinistryAdminActingForAnotherMinistry() {
        given()
                .auth().oauth2(BCT_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Lê Văn An\", \"ministryCode\": \"BNV\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(FORBIDDEN.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"));
    }

    @Test
    void refusesAnOfficerRegisteringOfficials() {
        given()
                .auth().oauth2(BNV_OFFICER)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Lê Văn An\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(FORBIDDEN.getStatusCode())
                .contentType(PROBLEM_JSON);
    }

    @Test
    void reportsEveryInvalidFieldAsProblemJson() {
        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"  \", \"email\": \"not-an-email\", \"ministryCode\": \"bnv\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(BAD_REQUEST.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/personnel/officials"))
                .body("violations.field", hasItem("fullName"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("ministryCode"));
    }

    @Test
    void answersMalformedJsonWith400NotA500() {
        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": ")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(BAD_REQUEST.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/malformed-body"));
    }

    @Test
    void namesTheFieldOfAWrongTypeOrAnUnknownField() {
        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": [1, 2]}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(BAD_REQUEST.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("fullName"));

        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Lê Văn An\", \"nickname\": \"An\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(BAD_REQUEST.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("nickname"));
    }

    @Test
    void refusesTextWithBrokenUnicode() {
        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"L\\ud800e\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(BAD_REQUEST.getStatusCode())
                .body("violations[0].field", equalTo("fullName"));
    }

    @Test
    void showsAnOfficialToItsMinistryAndViewersButNotToAnotherMinistry() {
        String id = given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Phạm Minh Châu\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(CREATED.getStatusCode())
                .extract().path("id");

        given().auth().oauth2(BNV_OFFICER)
            .when().get("/api/personnel/officials/" + id)
            .then().statusCode(OK.getStatusCode()).body("fullName", equalTo("Phạm Minh Châu"));
        given().auth().oauth2(VIEWER)
            .when().get("/api/personnel/officials/" + id)
            .then().statusCode(OK.getStatusCode());
        given().auth().oauth2(BCT_ADMIN)
            .when().get("/api/personnel/officials/" + id)
            .then().statusCode(NOT_FOUND.getStatusCode()).contentType(PROBLEM_JSON);
    }

    @Test
    void answersAnUnknownIdAndAMalformedIdWithProblems() {
        given().auth().oauth2(BNV_ADMIN)
            .when().get("/api/personnel/officials/6f1c2a3e-0000-4000-8000-000000000000")
            .then().statusCode(NOT_FOUND.getStatusCode()).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN)
            .when().get("/api/personnel/officials/not-a-uuid")
            .then().statusCode(NOT_FOUND.getStatusCode()).contentType(PROBLEM_JSON);
    }
}
