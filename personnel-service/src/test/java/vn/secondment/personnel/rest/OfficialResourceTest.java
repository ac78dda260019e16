package vn.secondment.personnel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_COORDINATOR;
import static vn.secondment.personnel.support.Directory.LIAISON_HCM;
import static vn.secondment.personnel.support.Directory.MERGE_PATCH;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.VIEWER;
import static vn.secondment.personnel.support.Directory.officer;
import static vn.secondment.personnel.support.Directory.officialJson;
import static vn.secondment.personnel.support.Directory.register;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/** Officials: create, read, update, patch, deactivate, audit, and who may do which, against PostgreSQL and Kafka. */
@QuarkusTest
@WithRealInfrastructure
class OfficialResourceTest {

    @InjectTestKafka
    TestKafka kafka;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void registersAnOfficialAndPublishesTheEventThroughTheOutbox() throws Exception {
        String email = uniqueEmail("hoa.nt");
        String id = given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body(officialJson("Nguyễn Thị Hoa", email))
            .when()
                .post(OFFICIALS)
            .then()
                .statusCode(201)
                .header("Location", containsString("/api/personnel/officials/"))
                .header("ETag", equalTo("\"0\""))
                .body("fullName", equalTo("Nguyễn Thị Hoa"))
                .body("ministryCode", equalTo("BNV"))
                .body("phone", equalTo("0912345678"))
                .body("expertise", equalTo(List.of("tổ chức bộ máy", "tiền lương")))
                .body("secondmentStatus", equalTo("AVAILABLE"))
                .body("active", equalTo(true))
                .extract().path("id");

        JsonNode envelope = event(id, PersonnelEvents.OFFICIAL_REGISTERED.name());
        assertThat(envelope.path("source").asText()).isEqualTo("/personnel-service");
        assertThat(envelope.path("ministry").asText()).isEqualTo("BNV");
        assertThat(envelope.path("data").path("fullName").asText()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(envelope.path("data").path("email").asText()).isEqualTo(email);
        // events carry no personal data
        assertThat(envelope.path("data").has("phone")).isFalse();
        assertThat(envelope.path("data").has("dateOfBirth")).isFalse();
    }

    @Test
    void storesNamesInUnicodeNfc() {
        String decomposed = Normalizer.normalize("Trần Văn Đức", Normalizer.Form.NFD);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson(decomposed, uniqueEmail("duc.tv")))
            .when().post(OFFICIALS)
            .then().statusCode(201)
                .body("fullName", equalTo(Normalizer.normalize("Trần Văn Đức", Normalizer.Form.NFC)));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstOfficialInsteadOfASecond() {
        String key = UUID.randomUUID().toString();
        String body = officialJson("Lương Thị Mai", uniqueEmail("mai.lt"));
        Response first = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(OFFICIALS);
        Response retry = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(OFFICIALS);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));

        // the same key for a different request is a client bug, not a retry
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(officialJson("Lương Thị Mai", uniqueEmail("other")))
            .when().post(OFFICIALS)
            .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/unprocessable"));
    }

    @Test
    void refusesASecondOfficialWithTheSameWorkEmail() {
        String email = uniqueEmail("trung.lv");
        register(BNV_ADMIN, "Lê Văn Trung", email);

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Lê Văn Trung", email.toUpperCase()))
            .when().post(OFFICIALS)
            .then().statusCode(409).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("email"));
    }

    @Test
    void replacesAnOfficialWithIfMatchAndRefusesAStaleOrMissingVersion() throws Exception {
        String id = register(BNV_ADMIN, "Phạm Minh Châu", uniqueEmail("chau.pm"));
        String etag = given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id).header("ETag");
        String promoted = officialJson("Phạm Minh Châu", uniqueEmail("chau.pm")).replace("Phó Vụ trưởng", "Vụ trưởng");

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body(promoted)
            .when().put(OFFICIALS + "/" + id)
            .then().statusCode(428).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/precondition-required"));

        String newTag = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(promoted)
            .when().put(OFFICIALS + "/" + id)
            .then().statusCode(200).body("position", equalTo("Vụ trưởng")).body("version", equalTo(1))
                .extract().header("ETag");
        assertThat(newTag).isEqualTo("\"1\"");

        // a second editor still holding the first version is told, not silently overwritten
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(promoted.replace("Vụ trưởng", "Chuyên viên"))
            .when().put(OFFICIALS + "/" + id)
            .then().statusCode(412).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/precondition-failed"))
                .body("detail", containsString("\"1\""));
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id).then().body("position", equalTo("Vụ trưởng"));

        assertThat(event(id, PersonnelEvents.OFFICIAL_UPDATED.name()).path("data").path("position").asText())
                .isEqualTo("Vụ trưởng");
    }

    @Test
    void anUnchangedReplaceKeepsTheVersionAndPublishesNothing() {
        String email = uniqueEmail("an.lv");
        String id = register(BNV_ADMIN, "Lê Văn An", email);

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(officialJson("Lê Văn An", email))
            .when().put(OFFICIALS + "/" + id)
            .then().statusCode(200).header("ETag", equalTo("\"0\""));
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id + "/audit")
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].action", equalTo("created"));
    }

    @Test
    void patchesOnlyTheFieldsSentAndClearsThoseSentAsNull() {
        String id = register(BNV_ADMIN, "Vũ Thị Lan", uniqueEmail("lan.vt"));

        given().auth().oauth2(BNV_ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"position\": \"Vụ trưởng\", \"phone\": null}")
            .when().patch(OFFICIALS + "/" + id)
            .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("position", equalTo("Vụ trưởng"))
                .body("phone", nullValue())
                .body("fullName", equalTo("Vũ Thị Lan"))
                .body("grade", equalTo("chuyên viên chính"));

        // a patch is validated like a full update, field by field
        given().auth().oauth2(BNV_ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"email\": \"not an email\", \"gender\": \"OTHER\"}")
            .when().patch(OFFICIALS + "/" + id)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", contains("email", "gender"));
        given().auth().oauth2(BNV_ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"fullName\": \"\", \"nickname\": \"Lan\"}")
            .when().patch(OFFICIALS + "/" + id)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", contains("fullName", "nickname"));
        given().auth().oauth2(BNV_ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"fullName\": \" \"}")
            .when().patch(OFFICIALS + "/" + id)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("fullName"));
    }

    @Test
    void deactivatesWithAReasonThatTheAuditLogKeeps() throws Exception {
        String id = register(BNV_ADMIN, "Đỗ Văn Hùng", uniqueEmail("hung.dv"));

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Nghỉ hưu từ 01/12/2025\"}")
            .when().post(OFFICIALS + "/" + id + "/deactivation")
            .then().statusCode(200).body("active", equalTo(false)).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"reason\": \"again\"}")
            .when().post(OFFICIALS + "/" + id + "/deactivation")
            .then().statusCode(409).contentType(PROBLEM_JSON);

        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id + "/audit")
            .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("deactivated"))
                .body("items[0].actor", equalTo("bnv.admin"))
                .body("items[0].reason", equalTo("Nghỉ hưu từ 01/12/2025"))
                .body("items[0].changes.field", hasItem("active"))
                .body("items[0].changes.find { it.field == 'active' }.from", equalTo(true))
                .body("items[0].changes.find { it.field == 'active' }.to", equalTo(false));
        assertThat(event(id, PersonnelEvents.OFFICIAL_DEACTIVATED.name()).path("data").path("active").asBoolean(true))
                .isFalse();
    }

    @Test
    void reactivatesADeactivatedOfficialAndAnnouncesIt() throws Exception {
        String id = register(BNV_ADMIN, "Tạ Thị Hằng", uniqueEmail("hang.tt"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"active already\"}")
            .when().post(OFFICIALS + "/" + id + "/reactivation")
            .then().statusCode(409).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Nghỉ phép dài hạn\"}")
            .when().post(OFFICIALS + "/" + id + "/deactivation").then().statusCode(200);

        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"reason\": \"not mine\"}")
            .when().post(OFFICIALS + "/" + id + "/reactivation").then().statusCode(403);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"reason\": \"Trở lại công tác\"}")
            .when().post(OFFICIALS + "/" + id + "/reactivation").then().statusCode(428);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"reason\": \"Trở lại công tác\"}")
            .when().post(OFFICIALS + "/" + id + "/reactivation")
            .then().statusCode(200).body("active", equalTo(true)).header("ETag", equalTo("\"2\""));

        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id + "/audit")
            .then().statusCode(200)
                .body("items[0].action", equalTo("reactivated"))
                .body("items[0].reason", equalTo("Trở lại công tác"))
                .body("items[0].changes.find { it.field == 'active' }.to", equalTo(true));
        JsonNode updated = event(id, PersonnelEvents.OFFICIAL_UPDATED.name());
        assertThat(updated.path("data").path("active").asBoolean(false)).isTrue();
    }

    @Test
    void theAuditLogNamesWhoChangedWhatFromWhichValueToWhich() {
        String id = register(BNV_ADMIN, "Bùi Thị Thu", uniqueEmail("thu.bt"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"grade\": \"chuyên viên cao cấp\"}")
            .when().patch(OFFICIALS + "/" + id).then().statusCode(200);

        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id + "/audit")
            .then().statusCode(200)
                .body("items[0].actor", equalTo("platform.admin"))
                .body("items[0].action", equalTo("updated"))
                .body("items[0].at", notNullValue())
                .body("items[0].changes.size()", equalTo(1))
                .body("items[0].changes[0].field", equalTo("grade"))
                .body("items[0].changes[0].from", equalTo("chuyên viên chính"))
                .body("items[0].changes[0].to", equalTo("chuyên viên cao cấp"))
                .body("items[1].action", equalTo("created"));

        // admins of that ministry only
        given().auth().oauth2(BCT_ADMIN).get(OFFICIALS + "/" + id + "/audit").then().statusCode(403);
        given().auth().oauth2(BNV_COORDINATOR).get(OFFICIALS + "/" + id + "/audit").then().statusCode(403);
        given().auth().oauth2(VIEWER).get(OFFICIALS + "/" + id + "/audit").then().statusCode(403);
    }

    @Test
    void personalDetailsAreShownToTheOwnMinistryAndMaskedForEveryoneElse() {
        String email = uniqueEmail("chau.pm");
        String id = register(BNV_ADMIN, "Phạm Minh Châu", email);

        for (String own : List.of(BNV_ADMIN, BNV_COORDINATOR, PLATFORM_ADMIN, officer("BNV", email))) {
            given().auth().oauth2(own).get(OFFICIALS + "/" + id)
                .then().statusCode(200)
                    .body("phone", equalTo("0912345678"))
                    .body("dateOfBirth", equalTo("1980-05-17"))
                    .body("personalDataMasked", equalTo(false));
        }
        for (String other : List.of(BCT_ADMIN, VIEWER, LIAISON_HCM)) {
            given().auth().oauth2(other).get(OFFICIALS + "/" + id)
                .then().statusCode(200)
                    .body("fullName", equalTo("Phạm Minh Châu"))
                    .body("email", equalTo(email))
                    .body("phone", equalTo("*******678"))
                    .body("dateOfBirth", nullValue())
                    .body("personalDataMasked", equalTo(true));
        }
    }

    @Test
    void anOfficerSeesOnlyTheirOwnRecord() {
        String email = uniqueEmail("ngoc.dt");
        String own = register(BNV_ADMIN, "Đinh Thị Ngọc", email);
        String colleague = register(BNV_ADMIN, "Đinh Văn Nam", uniqueEmail("nam.dv"));
        String token = officer("BNV", email);

        given().auth().oauth2(token).get(OFFICIALS + "/" + own).then().statusCode(200);
        given().auth().oauth2(token).get(OFFICIALS + "/" + colleague).then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).queryParam("ministry", "BNV").get(OFFICIALS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(own));
        // and cannot change it
        given().auth().oauth2(token).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"position\": \"Vụ trưởng\"}")
            .when().patch(OFFICIALS + "/" + own).then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void onlyTheOwnMinistrysAdminChangesItsOfficials() {
        String email = uniqueEmail("khoa.nv");
        String id = register(BNV_ADMIN, "Nguyễn Văn Khoa", email);

        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).body(officialJson("X", uniqueEmail("x"))
                        .replace("\"fullName\"", "\"ministryCode\": \"BNV\", \"fullName\""))
            .when().post(OFFICIALS).then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"));
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(officialJson("Nguyễn Văn Khoa", email))
            .when().put(OFFICIALS + "/" + id).then().statusCode(403);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"test\"}")
            .when().post(OFFICIALS + "/" + id + "/deactivation").then().statusCode(403);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).body(officialJson("Y", uniqueEmail("y")))
            .when().post(OFFICIALS).then().statusCode(403);
        // nothing changed
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id).then().header("ETag", equalTo("\"0\""));
        // a platform admin acts for any ministry, naming it
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Trịnh Văn Bình", uniqueEmail("binh.tv"))
                        .replace("\"fullName\"", "\"ministryCode\": \"BCT\", \"fullName\""))
            .when().post(OFFICIALS).then().statusCode(201).body("ministryCode", equalTo("BCT"));
    }

    @Test
    void refusesAnUnknownMinistryAndAMinistryChange() {
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Lê Văn An", uniqueEmail("an")).replace("\"fullName\"", "\"ministryCode\": \"BXYZ\", \"fullName\""))
            .when().post(OFFICIALS).then().statusCode(400).body("violations[0].field", equalTo("ministryCode"));

        String id = register(BNV_ADMIN, "Lê Văn Bảo", uniqueEmail("bao.lv"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"ministryCode\": \"BCT\"}")
            .when().patch(OFFICIALS + "/" + id).then().statusCode(400).body("violations[0].field", equalTo("ministryCode"));
    }

    @Test
    void reportsEveryInvalidFieldAsProblemJson() {
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"fullName": "  ", "email": "not-an-email", "ministryCode": "bnv", "phone": "12345",
                         "dateOfBirth": "2999-01-01", "expertise": ["", "%s"]}""".formatted("x".repeat(101)))
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/personnel/officials"))
                .body("violations.field", hasItem("fullName"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("ministryCode"))
                .body("violations.field", hasItem("phone"))
                .body("violations.field", hasItem("dateOfBirth"))
                .body("violations.field", hasItem("expertise[0]"))
                .body("violations.field", hasItem("expertise[1]"));
    }

    @Test
    void answersBadInputWith400sNeverA500() {
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{\"fullName\": ")
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/malformed-body"));
        // the type error of fullName does not hide that email is missing
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{\"fullName\": [1, 2]}")
            .when().post(OFFICIALS)
            .then().statusCode(400).body("violations.field", contains("email", "fullName"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Lê Văn An", uniqueEmail("an")).replace("\"FEMALE\"", "\"UNKNOWN\""))
            .when().post(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("gender"))
                .body("violations[0].message", containsString("MALE"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Lê Văn An", uniqueEmail("an")).replace("\"1980-05-17\"", "\"17/05/1980\""))
            .when().post(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("dateOfBirth"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Lê Văn An", uniqueEmail("an")).replace("\"fullName\"", "\"nickname\": \"An\", \"fullName\""))
            .when().post(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("nickname"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("L\\ud800e", uniqueEmail("an")))
            .when().post(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("fullName"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("x".repeat(201), uniqueEmail("an")))
            .when().post(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("fullName"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("[]")
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.XML).body("<official/>")
            .when().post(OFFICIALS)
            .then().statusCode(415).contentType(PROBLEM_JSON);
    }

    @Test
    void refusesAHugeBodyWithAProblemBeforeReadingIt() throws Exception {
        URI api = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(3_000);
            String request = "POST " + OFFICIALS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + BNV_ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (64L * 1024 * 1024) + "\r\n\r\n{";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readAvailable(socket);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("application/problem+json")
                    .contains("https://secondment.gov.vn/problems/payload-too-large");
        }
    }

    @Test
    void refusesANumberOrABooleanWhereATextIsExpected() {
        for (String wrong : new String[]{"123", "true", "1.5"}) {
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body("{\"fullName\":" + wrong + ",\"ministryCode\":\"BNV\",\"email\":\"an.lv@bnv.example.vn\"}")
                .when().post(OFFICIALS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("fullName"));
        }
    }

    @Test
    void answersJsonNestedBeyondTheParsersLimitAsABadBodyNotAServerError() {
        String deep = "[".repeat(1_200) + "]".repeat(1_200);
        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"expertise\":" + deep + "}")
            .when().patch(OFFICIALS + "/" + UUID.randomUUID())
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("JSON limit"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Nguyễn Thị Hoa\",\"expertise\":" + deep + "}")
            .when().post(OFFICIALS)
            .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).queryParam("activeOn", "+999999999-12-31")
            .when().get("/api/personnel/ministries")
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("activeOn"));
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingIt() {
        for (var bad : List.of(List.of("size", "abc"), List.of("page", "-x"), List.of("secondmentStatus", "AWAY"),
                List.of("unitId", "xyz"), List.of("active", "maybe"), List.of("category", "công chức"))) {
            given().auth().oauth2(VIEWER).queryParam(bad.get(0), bad.get(1))
                .when().get(OFFICIALS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo(bad.get(0)));
        }
        given().auth().oauth2(VIEWER).queryParam("activeOn", "2025-13-45")
            .when().get("/api/personnel/ministries")
            .then().statusCode(400).body("violations[0].field", equalTo("activeOn"))
                .body("violations[0].message", containsString("yyyy-MM-dd"));
        given().auth().oauth2(VIEWER).queryParam("size", 101)
            .when().get(OFFICIALS)
            .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void answersAnUnknownIdAndAMalformedIdWithProblems() {
        given().auth().oauth2(BNV_ADMIN)
            .when().get(OFFICIALS + "/6f1c2a3e-0000-4000-8000-000000000000")
            .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN)
            .when().get(OFFICIALS + "/not-a-uuid")
            .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(officialJson("Lê Văn An", uniqueEmail("an")))
            .when().put(OFFICIALS + "/6f1c2a3e-0000-4000-8000-000000000000")
            .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void rejectsRequestsWithoutAToken() {
        given().contentType(ContentType.JSON).body(officialJson("Lê Văn An", uniqueEmail("an")))
            .when().post(OFFICIALS)
            .then().statusCode(401);
    }

    /** What the server sent until it closed the connection or went quiet. */
    private static String readAvailable(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // the server answered and keeps the connection open: what arrived is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private JsonNode event(String officialId, String type) throws Exception {
        ConsumerRecord<String, String> record = awaitRecord(r -> matches(r, officialId, type));
        JsonNode envelope = json.readTree(record.value());
        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.path("subject").asText()).isEqualTo(officialId);
        assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo(type);
        // structured-mode CloudEvents, as the Kafka protocol binding names it
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json; charset=UTF-8");
        return envelope;
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
        return kafka.awaitPublished(Topics.PERSONNEL, wanted, 1).get(0);
    }

    private static boolean matches(ConsumerRecord<String, String> record, String officialId, String type) {
        return officialId.equals(record.key()) && type.equals(TopicRecords.type(record));
    }
}
