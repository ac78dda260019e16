package vn.secondment.personnel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_COORDINATOR;
import static vn.secondment.personnel.support.Directory.LIAISON_HCM;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.UNITS;
import static vn.secondment.personnel.support.Directory.VIEWER;
import static vn.secondment.personnel.support.Directory.officer;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/** Units of a ministry: create, nest, rename, move, list, audit, who may do which, and their events on Kafka. */
@QuarkusTest
@WithRealInfrastructure
class UnitResourceTest {

    private static final String BCT_OFFICER = TestTokens.user("bct.officer").roles(Roles.OFFICER).ministry("BCT")
            .token();

    @InjectTestKafka
    TestKafka kafka;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createsAUnitOfTheAdminsMinistryAndPublishesUnitCreated() throws Exception {
        String code = "VU-TCCB-" + suffix();
        String name = "Vụ Tổ chức cán bộ " + code;
        String id = given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body(unitJson(null, null, code, name, "DEPARTMENT"))
            .when()
                .post(UNITS)
            .then()
                .statusCode(201)
                .header("Location", containsString(UNITS + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("ministryCode", equalTo("BNV"))
                .body("parentId", nullValue())
                .body("code", equalTo(code))
                .body("name", equalTo(name))
                .body("type", equalTo("DEPARTMENT"))
                .body("typeName", equalTo("Vụ"))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract().path("id");

        given().auth().oauth2(BNV_ADMIN)
            .when().get(UNITS + "/" + id)
            .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("code", equalTo(code))
                .body("name", equalTo(name));

        ConsumerRecord<String, String> record = awaitEvent(id, PersonnelEvents.UNIT_CREATED.name(), e -> true);
        JsonNode envelope = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(id);
        assertThat(envelope.path("source").asText()).isEqualTo("/personnel-service");
        assertThat(envelope.path("subject").asText()).isEqualTo(id);
        assertThat(envelope.path("ministry").asText()).isEqualTo("BNV");
        assertThat(envelope.path("schemaversion").asInt()).isEqualTo(1);
        JsonNode data = envelope.path("data");
        assertThat(data.path("unitId").asText()).isEqualTo(id);
        assertThat(data.path("ministryCode").asText()).isEqualTo("BNV");
        assertThat(data.path("code").asText()).isEqualTo(code);
        assertThat(data.path("name").asText()).isEqualTo(name);
        assertThat(data.path("type").asText()).isEqualTo("DEPARTMENT");
        assertThat(data.path("active").asBoolean(false)).isTrue();
        assertThat(data.path("parentId").isNull() || data.path("parentId").isMissingNode()).isTrue();
    }

    @Test
    void storesTheNameInUnicodeNfc() {
        String code = "VP-" + suffix();
        String decomposed = Normalizer.normalize("Văn phòng Bộ " + code, Normalizer.Form.NFD);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, code, decomposed, "OFFICE"))
            .when().post(UNITS)
            .then().statusCode(201)
                .body("name", equalTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC)))
                .body("typeName", equalTo("Văn phòng"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstUnitInsteadOfASecond() {
        String key = UUID.randomUUID().toString();
        String code = "TTR-" + suffix();
        String body = unitJson(null, null, code, "Thanh tra Bộ " + code, "INSPECTORATE");
        Response first = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(UNITS);
        Response retry = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(UNITS);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo("\"0\"");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        given().auth().oauth2(BNV_ADMIN).queryParam("q", code).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1));

        // the same key for another unit is a client bug, not a retry
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(unitJson(null, null, code + "-B", "Thanh tra khác " + code, "INSPECTORATE"))
            .when().post(UNITS)
            .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/unprocessable"));
    }

    @Test
    void theCodeIsUniqueWithinAMinistryButMayRepeatInAnother() {
        String code = "CUC-" + suffix();
        String id = create(BNV_ADMIN, unitJson(null, null, code, "Cục Việc làm " + code, "AGENCY"));

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, code, "Cục Tiền lương " + code, "AGENCY"))
            .when().post(UNITS)
            .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/conflict"))
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].message", containsString("Cục Việc làm"));

        // another ministry has its own codes, and may even use the same name
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, code, "Cục Việc làm " + code, "AGENCY"))
            .when().post(UNITS)
            .then().statusCode(201).body("ministryCode", equalTo("BCT")).body("code", equalTo(code));

        given().auth().oauth2(VIEWER).queryParam("q", code).queryParam("ministry", "BNV").get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void theNameIsUniqueWithinAMinistryIgnoringCaseAndDiacritics() {
        String tag = suffix();
        create(BNV_ADMIN, unitJson(null, null, "VU-" + tag, "Vụ Tổ chức cán bộ " + tag, "DEPARTMENT"));

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "VU2-" + tag, "VU TO CHUC CAN BO " + tag, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("VU-" + tag));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "VU3-" + tag, "  vụ   tổ chức cán bộ " + tag.toLowerCase(Locale.ROOT), "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(409).body("violations[0].field", equalTo("name"));
        // nothing was created by the refused requests
        given().auth().oauth2(BNV_ADMIN).queryParam("ministry", "BNV").queryParam("q", tag).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void nestsADivisionUnderAnAgency() {
        String tag = suffix();
        String agency = create(BNV_ADMIN, unitJson(null, null, "CUC-" + tag, "Cục Văn thư và Lưu trữ " + tag, "AGENCY"));

        String division = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, agency, "CUC-" + tag + ".P1", "Phòng Nghiệp vụ " + tag, "DIVISION"))
            .when().post(UNITS)
            .then().statusCode(201)
                .body("parentId", equalTo(agency))
                .body("type", equalTo("DIVISION"))
                .body("typeName", equalTo("Phòng"))
                .extract().path("id");

        given().auth().oauth2(VIEWER).queryParam("parentId", agency).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(division));
        // a parent that does not exist is the client's mistake
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, UUID.randomUUID().toString(), "P2-" + tag, "Phòng Khác " + tag, "DIVISION"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("parentId"));
    }

    @Test
    void refusesAParentOfAnotherMinistry() {
        String tag = suffix();
        String bctAgency = create(BCT_ADMIN, unitJson(null, null, "CUC-" + tag, "Cục Xúc tiến thương mại " + tag, "AGENCY"));

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, bctAgency, "P-" + tag, "Phòng Tổng hợp " + tag, "DIVISION"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("parentId"));

        // nor can an existing unit be moved there, even by a platform admin
        String bnvUnit = create(BNV_ADMIN, unitJson(null, null, "P-" + tag, "Phòng Tổng hợp " + tag, "DIVISION"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, bctAgency, "P-" + tag, "Phòng Tổng hợp " + tag, "DIVISION"))
            .when().put(UNITS + "/" + bnvUnit)
            .then().statusCode(400).body("violations[0].field", equalTo("parentId"));
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + bnvUnit)
            .then().header("ETag", equalTo("\"0\"")).body("parentId", nullValue());
    }

    @Test
    void refusesToMoveAUnitUnderItselfOrItsOwnDescendant() {
        String tag = suffix();
        String agency = create(BNV_ADMIN, unitJson(null, null, "A-" + tag, "Cục Công chức " + tag, "AGENCY"));
        String child = create(BNV_ADMIN, unitJson(null, agency, "A-" + tag + ".1", "Phòng Một " + tag, "DIVISION"));
        String grandchild = create(BNV_ADMIN, unitJson(null, child, "A-" + tag + ".1.1", "Tổ Một " + tag, "DIVISION"));
        String agencyJson = unitJson(null, null, "A-" + tag, "Cục Công chức " + tag, "AGENCY");

        for (String parent : List.of(child, grandchild, agency)) {
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(withParent(agencyJson, parent))
                .when().put(UNITS + "/" + agency)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("parentId"))
                    .body("violations[0].message", containsString("inside itself"));
        }
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + agency)
            .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("parentId", nullValue());

        // moving the grandchild up under the agency is fine
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, agency, "A-" + tag + ".1.1", "Tổ Một " + tag, "DIVISION"))
            .when().put(UNITS + "/" + grandchild)
            .then().statusCode(200).body("parentId", equalTo(agency)).header("ETag", equalTo("\"1\""));
    }

    @Test
    void replacesAUnitWithIfMatchAndRefusesAMissingOrStaleVersion() throws Exception {
        String code = "VU-PC-" + suffix();
        String id = create(BNV_ADMIN, unitJson(null, null, code, "Vụ Pháp chế " + code, "DEPARTMENT"));
        String renamed = unitJson(null, null, code, "Vụ Pháp chế và Thanh tra " + code, "DEPARTMENT");

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body(renamed)
            .when().put(UNITS + "/" + id)
            .then().statusCode(428).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/precondition-required"));

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
            .when().put(UNITS + "/" + id)
            .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("name", equalTo("Vụ Pháp chế và Thanh tra " + code));

        // an editor still holding version 0 is told, not silently overwritten
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, null, code, "Vụ Khác " + code, "DEPARTMENT"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(412).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/precondition-failed"))
                .body("detail", containsString("\"1\""));
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + id)
            .then().header("ETag", equalTo("\"1\"")).body("name", equalTo("Vụ Pháp chế và Thanh tra " + code));

        // closing the unit is a change too
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(renamed.replace("}", ", \"active\": false}"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("active", equalTo(false));

        JsonNode changed = JSON.readTree(awaitEvent(id, PersonnelEvents.UNIT_CHANGED.name(),
                e -> e.path("data").path("name").asText().startsWith("Vụ Pháp chế và Thanh tra")
                        && e.path("data").path("active").asBoolean()).value());
        assertThat(changed.path("ministry").asText()).isEqualTo("BNV");
        assertThat(changed.path("data").path("unitId").asText()).isEqualTo(id);
        assertThat(changed.path("data").path("code").asText()).isEqualTo(code);
        JsonNode closed = JSON.readTree(awaitEvent(id, PersonnelEvents.UNIT_CHANGED.name(),
                e -> !e.path("data").path("active").asBoolean(true)).value());
        assertThat(closed.path("data").path("name").asText()).isEqualTo("Vụ Pháp chế và Thanh tra " + code);
    }

    @Test
    void refusesAMinistryChangeAndACodeTakenByAnotherUnit() {
        String tag = suffix();
        create(BNV_ADMIN, unitJson(null, null, "X-" + tag, "Vụ Hợp tác quốc tế " + tag, "DEPARTMENT"));
        String id = create(BNV_ADMIN, unitJson(null, null, "Y-" + tag, "Vụ Kế hoạch tài chính " + tag, "DEPARTMENT"));

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson("BCT", null, "Y-" + tag, "Vụ Kế hoạch tài chính " + tag, "DEPARTMENT"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("ministryCode"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, null, "X-" + tag, "Vụ Kế hoạch tài chính " + tag, "DEPARTMENT"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(409).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("code"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, null, "Y-" + tag, "VU HOP TAC QUOC TE " + tag, "DEPARTMENT"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(409).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("name"));
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + id)
            .then().header("ETag", equalTo("\"0\"")).body("code", equalTo("Y-" + tag));
    }

    @Test
    void anUnchangedReplaceKeepsTheVersionAndAuditsNothing() {
        String code = "VU-TH-" + suffix();
        String body = unitJson(null, null, code, "Vụ Tổng hợp " + code, "DEPARTMENT");
        String id = create(BNV_ADMIN, body);

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body.replace("}", ", \"ministryCode\": \"BNV\", \"active\": true}"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("version", equalTo(0));
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + id).then().header("ETag", equalTo("\"0\""));
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + id + "/audit")
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].action", equalTo("created"));
    }

    @Test
    void listsUnitsByMinistryParentTypeAndDiacriticInsensitiveText() {
        String tag = suffix();
        String parent = create(BNV_ADMIN, unitJson(null, null, "L-" + tag, "Cục Quản lý " + tag, "AGENCY"));
        String training = create(BNV_ADMIN,
                unitJson(null, parent, "L-" + tag + ".1", "Phòng Đào tạo Bồi dưỡng " + tag, "DIVISION"));
        String general = create(BNV_ADMIN,
                unitJson(null, parent, "L-" + tag + ".2", "Phòng Tổng hợp " + tag, "DIVISION"));
        String centre = create(BNV_ADMIN,
                unitJson(null, parent, "L-" + tag + ".3", "Trung tâm Thông tin " + tag, "PUBLIC_SERVICE_UNIT"));
        String bct = create(BCT_ADMIN, unitJson(null, null, "L-" + tag, "Cục Quản lý " + tag, "AGENCY"));

        given().auth().oauth2(VIEWER).queryParam("parentId", parent).get(UNITS)
            .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.id", equalTo(List.of(training, general, centre)));
        given().auth().oauth2(VIEWER).queryParam("parentId", parent).queryParam("type", "DIVISION").get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(2)).body("items.id", equalTo(List.of(training, general)));
        given().auth().oauth2(VIEWER).queryParam("q", "dao tao boi duong " + tag.toLowerCase(Locale.ROOT)).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(training));
        given().auth().oauth2(VIEWER).queryParam("q", "PHÒNG ĐÀO TẠO BỒI DƯỠNG " + tag).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(training));
        given().auth().oauth2(VIEWER).queryParam("q", tag).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(5));
        given().auth().oauth2(VIEWER).queryParam("q", tag).queryParam("ministry", "BCT").get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(bct));
        given().auth().oauth2(VIEWER).queryParam("q", tag).queryParam("ministry", "BNV").queryParam("type", "AGENCY")
                .get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(parent));
    }

    @Test
    void pagesTheListAndBoundsThePageSize() {
        String tag = suffix();
        String parent = create(BNV_ADMIN, unitJson(null, null, "PG-" + tag, "Cục Phân trang " + tag, "AGENCY"));
        String first = create(BNV_ADMIN, unitJson(null, parent, "PG-" + tag + ".A", "Phòng A " + tag, "DIVISION"));
        String second = create(BNV_ADMIN, unitJson(null, parent, "PG-" + tag + ".B", "Phòng B " + tag, "DIVISION"));
        String third = create(BNV_ADMIN, unitJson(null, parent, "PG-" + tag + ".C", "Phòng C " + tag, "DIVISION"));

        given().auth().oauth2(BNV_ADMIN).queryParam("parentId", parent).queryParam("size", 2).get(UNITS)
            .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("totalItems", equalTo(3))
                .body("items.id", equalTo(List.of(first, second)));
        given().auth().oauth2(BNV_ADMIN).queryParam("parentId", parent).queryParam("size", 2).queryParam("page", 1)
                .get(UNITS)
            .then().statusCode(200).body("page", equalTo(1)).body("items.id", equalTo(List.of(third)));
        given().auth().oauth2(BNV_ADMIN).queryParam("parentId", parent).queryParam("size", 100).get(UNITS)
            .then().statusCode(200).body("items.size()", equalTo(3));

        given().auth().oauth2(BNV_ADMIN).queryParam("size", 101).get(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("size"));
        given().auth().oauth2(BNV_ADMIN).queryParam("size", 0).get(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(BNV_ADMIN).queryParam("page", -1).get(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("page"));
    }

    @Test
    void answersAnUnknownUnitWithA404Problem() {
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(BNV_ADMIN)
            .when().get(UNITS + "/" + unknown)
            .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/not-found"))
                .body("detail", containsString(unknown));
        given().auth().oauth2(BNV_ADMIN)
            .when().get(UNITS + "/not-a-uuid")
            .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, null, "U-" + suffix(), "Vụ Không có", "DEPARTMENT"))
            .when().put(UNITS + "/" + unknown)
            .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN)
            .when().get(UNITS + "/" + unknown + "/audit")
            .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theAuditLogNamesWhoChangedWhatFromWhichValueToWhich() {
        String code = "VU-CS-" + suffix();
        String id = create(BNV_ADMIN, unitJson(null, null, code, "Vụ Chính sách " + code, "DEPARTMENT"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unitJson(null, null, code, "Vụ Chính sách tiền lương " + code, "DEPARTMENT"))
            .when().put(UNITS + "/" + id).then().statusCode(200);

        for (String admin : List.of(BNV_ADMIN, PLATFORM_ADMIN)) {
            given().auth().oauth2(admin).get(UNITS + "/" + id + "/audit")
                .then().statusCode(200)
                    .body("totalItems", equalTo(2))
                    .body("items[0].action", equalTo("updated"))
                    .body("items[0].actor", equalTo("platform.admin"))
                    .body("items[0].at", notNullValue())
                    .body("items[0].changes.size()", equalTo(1))
                    .body("items[0].changes[0].field", equalTo("name"))
                    .body("items[0].changes[0].from", equalTo("Vụ Chính sách " + code))
                    .body("items[0].changes[0].to", equalTo("Vụ Chính sách tiền lương " + code))
                    .body("items[1].action", equalTo("created"))
                    .body("items[1].actor", equalTo("bnv.admin"))
                    .body("items[1].changes.field", hasItem("code"))
                    .body("items[1].changes.find { it.field == 'code' }.from", nullValue())
                    .body("items[1].changes.find { it.field == 'code' }.to", equalTo(code))
                    .body("items[1].changes.find { it.field == 'type' }.to", equalTo("DEPARTMENT"));
        }

        // admins of that ministry only
        for (String other : List.of(BCT_ADMIN, BNV_COORDINATOR, VIEWER, officer("BNV", uniqueEmail("audit")))) {
            given().auth().oauth2(other).get(UNITS + "/" + id + "/audit")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"));
        }
    }

    @Test
    void onlyAnAdminOfTheUnitsMinistryChangesItsUnits() {
        String code = "VU-TDKT-" + suffix();
        String body = unitJson(null, null, code, "Vụ Thi đua khen thưởng " + code, "DEPARTMENT");
        String id = create(BNV_ADMIN, body);

        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON)
                .body(unitJson("BNV", null, code + "-X", "Vụ Bất kỳ " + code, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"));
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body.replace("Thi đua", "Đổi tên"))
            .when().put(UNITS + "/" + id)
            .then().statusCode(403).contentType(PROBLEM_JSON);
        for (String reader : List.of(VIEWER, BNV_COORDINATOR, officer("BNV", uniqueEmail("unit")), LIAISON_HCM)) {
            given().auth().oauth2(reader).contentType(ContentType.JSON)
                    .body(unitJson("BNV", null, code + "-Y", "Vụ Khác " + code, "DEPARTMENT"))
                .when().post(UNITS)
                .then().statusCode(403).contentType(PROBLEM_JSON);
            given().auth().oauth2(reader).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(body.replace("Thi đua", "Đổi tên"))
                .when().put(UNITS + "/" + id)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        }
        // nothing changed, nothing was added
        given().auth().oauth2(BNV_ADMIN).get(UNITS + "/" + id)
            .then().header("ETag", equalTo("\"0\"")).body("name", equalTo("Vụ Thi đua khen thưởng " + code));
        given().auth().oauth2(BNV_ADMIN).queryParam("q", code).get(UNITS)
            .then().body("totalItems", equalTo(1));

        // every signed-in role reads units, of any ministry
        for (String reader : List.of(PLATFORM_ADMIN, BNV_ADMIN, BCT_ADMIN, BNV_COORDINATOR, VIEWER, LIAISON_HCM,
                officer("BNV", uniqueEmail("reader")), BCT_OFFICER)) {
            given().auth().oauth2(reader).get(UNITS + "/" + id)
                .then().statusCode(200).body("code", equalTo(code));
            given().auth().oauth2(reader).queryParam("q", code).get(UNITS)
                .then().statusCode(200).body("totalItems", equalTo(1));
        }
        given().get(UNITS + "/" + id).then().statusCode(401);
        given().get(UNITS).then().statusCode(401);
    }

    @Test
    void aPlatformAdminCreatesUnitsForAnyMinistryNamingIt() {
        String code = "VU-" + suffix();
        Response created = given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(unitJson("BTP", null, code, "Vụ Pháp luật " + code, "DEPARTMENT"))
            .when().post(UNITS);
        created.then().statusCode(201).body("ministryCode", equalTo("BTP")).body("code", equalTo(code));
        assertThat(created.header("Location")).endsWith(UNITS + "/" + created.path("id"));
        // the platform admin's token names no ministry: the request must
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, code + "-2", "Vụ Pháp luật 2 " + code, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("ministryCode"));
        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON)
                .body(unitJson("BXYZ", null, code, "Vụ Pháp luật " + code, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("ministryCode"));
    }

    @Test
    void answersBadInputWith400ProblemsNeverA500() {
        String tag = suffix();
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "T-" + tag, "Vụ Loại lạ " + tag, "MINISTRY_OF_MAGIC"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("DIVISION"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "vu-tccb-" + tag.toLowerCase(Locale.ROOT), "Vụ Chữ thường " + tag, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("code"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "T-" + tag, "V".repeat(301), "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("name"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "T-" + tag, "   ", "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("name"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"T-" + tag + "\", \"name\": ")
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/malformed-body"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, null, "T-" + tag, "Vụ Trường lạ " + tag, "DEPARTMENT")
                        .replace("}", ", \"headOfUnit\": \"Nguyễn Văn A\"}"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("headOfUnit"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson(null, "not-a-uuid", "T-" + tag, "Vụ Cha lạ " + tag, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("parentId"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"T-" + tag + "\", \"name\": \"Vụ Không loại " + tag + "\"}")
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("type"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(unitJson("bnv", null, "T-" + tag, "Vụ Bộ thường " + tag, "DEPARTMENT"))
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("ministryCode"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("[]")
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("")
            .when().post(UNITS)
            .then().statusCode(400).contentType(PROBLEM_JSON);
        // none of them created anything
        given().auth().oauth2(BNV_ADMIN).queryParam("q", tag).get(UNITS)
            .then().statusCode(200).body("totalItems", equalTo(0));
    }

    // --- helpers

    /** A unique code fragment: upper-case hex, valid in unit codes and distinct in names. */
    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String unitJson(String ministryCode, String parentId, String code, String name, String type) {
        ObjectNode body = JSON.createObjectNode();
        if (ministryCode != null) {
            body.put("ministryCode", ministryCode);
        }
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("code", code).put("name", name).put("type", type);
        return body.toString();
    }

    private static String withParent(String unitJson, String parentId) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(unitJson);
            body.put("parentId", parentId);
            return body.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Creates a unit and returns its id. */
    private static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
            .when().post(UNITS)
            .then().statusCode(201).extract().path("id");
    }

    /** The first event of {@code type} about unit {@code unitId} on the personnel topic that {@code wanted} accepts. */
    private ConsumerRecord<String, String> awaitEvent(String unitId, String type, Predicate<JsonNode> wanted) {
        ConsumerRecord<String, String> found = kafka.awaitPublished(Topics.PERSONNEL, r -> unitId.equals(r.key())
                && type.equals(TopicRecords.type(r)) && wanted.test(read(r.value())), 1).get(0);
        JsonNode envelope = read(found.value());
        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.path("type").asText()).isEqualTo(type);
        return found;
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
