package vn.secondment.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Records the service could not process, from the real dead-letter topic to the admin's replay. */
@QuarkusTest
@WithRealInfrastructure
class DeadLetterTest {

    private static final String DLQ = "notification-service.dlq";
    private static final String PLATFORM_ADMIN = TestTokens.user("dlq.platform.admin").roles(Roles.PLATFORM_ADMIN)
            .token();
    private static final String BNV_ADMIN = TestTokens.user("dlq.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    private static final String LIAISON_96 = TestTokens.user("dlq.liaison.96").roles(Roles.PROVINCE_LIAISON)
            .province("96").token();
    private static final int UNPROCESSABLE = 422;

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void keepsAnUnreadableReportEventForThePlatformAdminWhoCannotReplayIt() {
        String key = UUID.randomUUID().toString();
        String garbage = "{not an envelope " + key;
        kafka.publishRaw(Topics.REPORT, key, garbage);

        String id = awaitDeadLetterIds(key, 1).get(0);
        given().auth().oauth2(PLATFORM_ADMIN)
            .when().get("/api/notification/dead-letters/{id}", id)
            .then().statusCode(OK.getStatusCode())
                .body("topic", equalTo(Topics.REPORT))
                .body("payload", equalTo(garbage))
                .body("error", containsString("Not an event envelope"))
                .body("replayedAt", nullValue());

        given().auth().oauth2(BNV_ADMIN)
            .when().get("/api/notification/dead-letters")
            .then().statusCode(FORBIDDEN.getStatusCode());
        given().auth().oauth2(BNV_ADMIN)
            .when().post("/api/notification/dead-letters/{id}/replay", id)
            .then().statusCode(FORBIDDEN.getStatusCode());

        given().auth().oauth2(PLATFORM_ADMIN)
            .when().post("/api/notification/dead-letters/{id}/replay", id)
            .then().statusCode(UNPROCESSABLE)
                .contentType("application/problem+json")
                .body("detail", containsString("still cannot be processed"));
        given().auth().oauth2(PLATFORM_ADMIN)
            .when().get("/api/notification/dead-letters/{id}", id)
            .then().statusCode(OK.getStatusCode())
                .body("replayedAt", nullValue())
                .body("replayError", containsString("Not an event envelope"));
    }

    @Test
    void replaysAWellFormedDeadLetterIntoTheInboxOnce() {
        UUID issueId = UUID.randomUUID();
        ObjectNode raised = TestEvents.envelope(ReportEvents.ISSUE_RAISED.name(), 1, "/report-service",
                issueId.toString(), "BNV", Instant.now(),
                new IssueSnapshot(issueId, "BNV", "96", null, "TAI_CHINH_NGAN_SACH",
                        "Chưa mở được tài khoản tại Kho bạc Nhà nước", false, "OPEN", null, null, null, null, null,
                        false, Instant.now(), null));
        long offset = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        // as SmallRye's dead-letter queue writes it after a failure that was not the record's fault
        deadLetter(issueId.toString(), raised.toString(), offset);
        deadLetter(issueId.toString(), raised.toString(), offset);
        // same key, same partition, read after the two copies: once it is stored, both copies were read
        deadLetter(issueId.toString(), "{a later letter", offset + 1);

        List<String> ids = awaitDeadLetterIds(issueId.toString(), 2);
        assertThat(ids).as("the copy delivered twice is stored once").hasSize(2);
        String id = given().auth().oauth2(PLATFORM_ADMIN).queryParam("size", 100)
                .when().get("/api/notification/dead-letters")
                .then().statusCode(OK.getStatusCode())
                .extract().path("items.find { it.key == '" + issueId + "' && it.offset == " + offset + "L }.id");
        assertThat(id).isNotNull();
        assertThat(issueEntries()).as("a dead letter notifies nobody until replayed").isZero();

        given().auth().oauth2(PLATFORM_ADMIN)
            .when().post("/api/notification/dead-letters/{id}/replay", id)
            .then().statusCode(OK.getStatusCode())
                .body("replayedAt", notNullValue())
                .body("replayError", nullValue());
        assertThat(issueEntries()).isEqualTo(1);

        given().auth().oauth2(PLATFORM_ADMIN)
            .when().post("/api/notification/dead-letters/{id}/replay", id)
            .then().statusCode(OK.getStatusCode());
        assertThat(issueEntries()).as("replaying again adds nothing").isEqualTo(1);

        given().auth().oauth2(PLATFORM_ADMIN).queryParam("replayed", false).queryParam("size", 100)
            .when().get("/api/notification/dead-letters")
            .then().statusCode(OK.getStatusCode()).body("items.id", not(hasItem(id)));
        given().auth().oauth2(PLATFORM_ADMIN).queryParam("replayed", true).queryParam("size", 100)
            .when().get("/api/notification/dead-letters")
            .then().statusCode(OK.getStatusCode()).body("items.id", hasItem(id));
    }

    private int issueEntries() {
        List<String> titles = given().auth().oauth2(LIAISON_96).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getList("items.findAll { it.title.contains('Kho bạc Nhà nước') }.title");
        return titles.size();
    }

    private void deadLetter(String key, String value, long offset) {
        ProducerRecord<String, String> record = new ProducerRecord<>(DLQ, key, value);
        header(record, "dead-letter-reason", "ERROR: canceling statement due to lock timeout");
        header(record, "dead-letter-topic", Topics.REPORT);
        header(record, "dead-letter-partition", "0");
        header(record, "dead-letter-offset", Long.toString(offset));
        kafka.publish(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The ids of the dead letters with this key, once there are {@code count} of them. */
    private static List<String> awaitDeadLetterIds(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given()
                        .auth().oauth2(PLATFORM_ADMIN).queryParam("size", 100)
                        .when().get("/api/notification/dead-letters")
                        .then().statusCode(OK.getStatusCode())
                        .extract().jsonPath().<String>getList("items.findAll { it.key == '" + key + "' }.id"),
                ids -> ids.size() >= count);
    }
}
