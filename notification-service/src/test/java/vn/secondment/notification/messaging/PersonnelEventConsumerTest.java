package vn.secondment.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Events published to the real broker by a real producer, as personnel-service's relay does. */
@QuarkusTest
@WithRealInfrastructure
class PersonnelEventConsumerTest {

    private static final String BNV_ADMIN = TestTokens.user("bnv.admin").roles(Roles.MINISTRY_ADMIN).ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN).ministry("BCT").token();
    private static final String BNV_OFFICER = TestTokens.user("bnv.officer").roles(Roles.OFFICER).ministry("BNV").token();

    @InjectTestKafka
    TestKafka kafka;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void putsARegisteredOfficialInTheInboxOfThatMinistrysAdminsOnly() {
        String officialId = UUID.randomUUID().toString();
        publish(officialRegistered(UUID.randomUUID().toString(), officialId, "Nguyễn Thị Hoa", "BNV"));

        awaitInboxContains(BNV_ADMIN, "Cán bộ mới: Nguyễn Thị Hoa");
        given().auth().oauth2(BCT_ADMIN)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode()).body("items.subjectId", not(hasItem(officialId)));
        given().auth().oauth2(BNV_OFFICER)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode()).body("items.subjectId", not(hasItem(officialId)));
    }

    @Test
    void announcesABulkImportOnceInsteadOfOncePerRow() {
        String importId = UUID.randomUUID().toString();
        String rowOfficial = UUID.randomUUID().toString();
        ObjectNode row = (ObjectNode) readTree(officialRegistered(UUID.randomUUID().toString(), rowOfficial,
                "Lê Thị Nhập", "BNV"));
        ((ObjectNode) row.path("data")).put("importId", importId);
        // both on one key, hence one partition, in this order: once the import is announced, the row was consumed
        publish(row.toString(), importId);

        ObjectNode imported = json.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/personnel-service").put("type", PersonnelEvents.OFFICIALS_IMPORTED.name())
                .put("subject", importId).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").put("ministry", "BNV").put("schemaversion", 1);
        imported.putObject("data").put("importId", importId).put("ministryCode", "BNV")
                .put("decision", "878/QĐ-BNV").put("fileName", "phu-luc-878.xlsx").put("created", 34)
                .put("updated", 0).put("unchanged", 0).put("importedBy", "bnv.admin");
        publish(imported.toString(), importId);

        awaitInboxContains(BNV_ADMIN, "Nhập danh sách cán bộ theo 878/QĐ-BNV");
        given().auth().oauth2(BNV_ADMIN).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode())
                .body("items.subjectId", hasItem(importId))
                .body("items.subjectId", not(hasItem(rowOfficial)))
                .body("items.find { it.subjectId == '" + importId + "' }.body",
                        equalTo("Tệp phu-luc-878.xlsx: 34 cán bộ mới, 0 cập nhật, 0 không đổi (bnv.admin)."));
    }

    @Test
    void addsNothingWhenTheSameEventIsDeliveredAgain() {
        String eventId = UUID.randomUUID().toString();
        String officialId = UUID.randomUUID().toString();
        String event = officialRegistered(eventId, officialId, "Trần Văn Bình", "BNV");
        publish(event);
        publish(event);
        // a later event on the same partition proves both copies were consumed before we count
        publish(officialRegistered(UUID.randomUUID().toString(), officialId, "Trần Văn Bình (sau)", "BNV"));
        awaitInboxContains(BNV_ADMIN, "Cán bộ mới: Trần Văn Bình (sau)");

        List<String> titles = given().auth().oauth2(BNV_ADMIN).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getList("items.findAll { it.subjectId == '" + officialId + "' }.title");
        assertThat(titles).containsExactlyInAnyOrder("Cán bộ mới: Trần Văn Bình", "Cán bộ mới: Trần Văn Bình (sau)");
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsGoing() {
        String key = UUID.randomUUID().toString();
        kafka.publishRaw(Topics.PERSONNEL, key, "{not an envelope");
        publish(officialRegistered(UUID.randomUUID().toString(), key, "Lê Thị Cúc", "BNV"));

        awaitInboxContains(BNV_ADMIN, "Cán bộ mới: Lê Thị Cúc");
        var deadLetters = kafka.awaitRecords("notification-service.dlq", r -> true, 1);
        assertThat(deadLetters).anySatisfy(r -> assertThat(r.value()).isEqualTo("{not an envelope"));
    }

    @Test
    void retriesAnEventWhoseEffectIsBlockedForAWhileInsteadOfDeadLetteringIt() throws Exception {
        String officialId = UUID.randomUUID().toString();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE inbox_entry IN ACCESS EXCLUSIVE MODE");
            publish(officialRegistered(UUID.randomUUID().toString(), officialId, "Ngô Văn Lâm", "BNV"));

            // the consumer's insert waits for the lock, then gives up after lock_timeout: one attempt failed
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingForInboxLock(blocker) > 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingForInboxLock(blocker) == 0);
            blocker.rollback();
        }

        awaitInboxContains(BNV_ADMIN, "Cán bộ mới: Ngô Văn Lâm");
    }

    private static int waitingForInboxLock(Connection connection) throws Exception {
        try (var result = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'inbox_entry'::regclass")) {
            result.next();
            return result.getInt(1);
        }
    }

    @Test
    void requiresATokenAndBoundsThePageSize() {
        given()
            .when().get("/api/notification/inbox")
            .then().statusCode(UNAUTHORIZED.getStatusCode());
        given().auth().oauth2(BNV_ADMIN).queryParam("size", 1000)
            .when().get("/api/notification/inbox")
            .then().statusCode(BAD_REQUEST.getStatusCode())
            .contentType("application/problem+json")
            .body("violations[0].field", equalTo("size"));
    }

    @Test
    void isReadyOnceItsFiveConsumersHaveJoinedTheirGroups() {
        // the three event topics, the dead letters and the live streams' topic
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
            .when()
                .get(ManagementInterface.url("/q/health/ready"))
            .then()
                .statusCode(OK.getStatusCode())
                .body("checks.find { it.name == 'event consumers joined their groups' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event consumers joined their groups' }.data.expected", equalTo(5)));
    }

    private void awaitInboxContains(String token, String title) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(token).queryParam("size", 100)
            .when()
                .get("/api/notification/inbox")
            .then()
                .statusCode(OK.getStatusCode())
                .body("items.title", hasItem(title)));
    }

    private void publish(String envelope) {
        publish(envelope, readSubject(envelope));
    }

    private void publish(String envelope, String key) {
        kafka.publishRaw(Topics.PERSONNEL, key, envelope);
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String envelope) {
        try {
            return json.readTree(envelope);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String readSubject(String envelope) {
        try {
            return json.readTree(envelope).path("subject").asText();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String officialRegistered(String eventId, String officialId, String name, String ministry) {
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", eventId)
                .put("source", "/personnel-service")
                .put("type", PersonnelEvents.OFFICIAL_REGISTERED.name())
                .put("subject", officialId)
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("ministry", ministry)
                .put("schemaversion", 1)
                .put("futureAttribute", "consumers ignore what they do not know");
        envelope.putObject("data")
                .put("officialId", officialId)
                .put("fullName", name)
                .put("ministryCode", ministry)
                .put("position", "Chuyên viên chính")
                .put("active", true)
                .put("addedInALaterVersion", 42);
        return envelope.toString();
    }
}
