package vn.secondment.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.CREATED;
import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.NO_CONTENT;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.PRECONDITION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Webhooks end to end: events from the real broker, queued in the inbox's transaction, POSTed to a real HTTP
 * receiver that checks the signature exactly as the README tells receivers to.
 */
@QuarkusTest
@WithRealInfrastructure
class WebhookTest {

    private static final String WEBHOOKS = "/api/notification/webhooks";
    /** A ministry's system: a client-credentials service account holding ministry-admin. */
    private static final String BNV_SYSTEM = TestTokens.user("service-account-bnv-integration")
            .roles(Roles.MINISTRY_ADMIN).ministry("BNV").token();
    private static final String BNV_ADMIN = TestTokens.user("webhook.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("webhook.bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();
    private static final String PLATFORM_ADMIN = TestTokens.user("webhook.platform.admin")
            .roles(Roles.PLATFORM_ADMIN).token();
    private static final String BNV_COORDINATOR = TestTokens.user("webhook.bnv.coordinator")
            .roles(Roles.COORDINATOR).ministry("BNV").token();

    @InjectTestKafka
    TestKafka kafka;
    private static HttpServer receiver;
    /** What the receiver got, and the secret it verifies each path's deliveries with. */
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    @Inject
    WebhookSender sender;

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    record Received(String path, String contentType, String deliveryId, String timestamp, boolean signatureValid,
                    String eventId, String dataschema) {
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Secondment-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Secondment-Signature");
            boolean valid = verify(SECRETS.get(path), timestamp, raw, signature);
            var event = TestEvents.JSON.readTree(raw);
            RECEIVED.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Secondment-Delivery"), timestamp, valid,
                    event.path("id").asText(), event.path("dataschema").asText(null)));
            exchange.sendResponseHeaders(path.startsWith("/fail/") ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * What the README asks of a receiver: HMAC-SHA256 with the secret over timestamp + "." + the raw body,
     * compared in constant time, and a timestamp no older than 5 minutes.
     */
    private static boolean verify(String secret, String timestamp, byte[] rawBody, String signature) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            long sentAt = Long.parseLong(timestamp);
            if (Math.abs(Instant.now().getEpochSecond() - sentAt) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void deliversAFactEnteredAfterTheFactAlthoughItTellsNoInbox() {
        String path = "/past/" + UUID.randomUUID();
        String id = register(BNV_SYSTEM, path, "vn.secondment.report.weekly-report.submitted", "79");
        UUID reportId = UUID.randomUUID();
        WeeklyReportSnapshot past = new WeeklyReportSnapshot(reportId, UUID.randomUUID(), UUID.randomUUID(), "BNV",
                "79", "2025-W37", LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), "SUBMITTED",
                Instant.parse("2025-09-13T09:00:00Z"), false, null,
                new AfterTheFact("bnv.coordinator", Instant.now()));
        ObjectNode entered = event(ReportEvents.WEEKLY_REPORT_SUBMITTED, reportId, past);

        publish(entered);

        // webhooks are other systems' record of every event, the past included; the inbox tells nobody
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveredEventIds(id))
                .containsExactly(entered.path("id").asText()));
        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM inbox_entry WHERE event_id = :id")
                .setParameter("id", entered.path("id").asText()).getSingleResult()).longValue());
        assertThat(entries).isZero();
    }

    @Test
    void deliversAPublishedEventOnceSignedWithTheSecretGivenAtRegistration() {
        String path = "/ok/" + UUID.randomUUID();
        String id = register(BNV_SYSTEM, path, "vn.secondment.report.weekly-report.returned", "79");
        UUID reportId = UUID.randomUUID();
        ObjectNode returned = event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId, weeklyReport(reportId, "79"));
        ObjectNode returnedAgain = event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId, weeklyReport(reportId, "79"));
        ObjectNode elsewhere = event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId, weeklyReport(reportId, "01"));

        publish(returned);
        publish(returned);
        publish(elsewhere);
        // same key, same partition: once the later event is queued, both copies of the first were consumed
        publish(returnedAgain);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveredEventIds(id))
                .contains(returnedAgain.path("id").asText()));
        // the redelivered copy adds nothing, province 01 is filtered out
        assertThat(deliveredEventIds(id)).containsExactlyInAnyOrder(returned.path("id").asText(),
                returnedAgain.path("id").asText());

        sender.sendDue(Instant.now());
        sender.sendDue(Instant.now().plusSeconds(3600));

        List<Received> got = receivedAt(path);
        assertThat(got).extracting(Received::eventId).containsExactlyInAnyOrder(returned.path("id").asText(),
                returnedAgain.path("id").asText());
        assertThat(got).allSatisfy(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(r.timestamp()).matches("\\d+");
            // the whole envelope as it came off Kafka: the schema of its data too
            assertThat(r.dataschema()).isEqualTo(returned.path("dataschema").asText()).isNotBlank();
        });
        given().auth().oauth2(BNV_ADMIN)
            .when().get(WEBHOOKS + "/{id}/deliveries", id)
            .then().statusCode(OK.getStatusCode())
                .body("items.status", containsInAnyOrder("DELIVERED", "DELIVERED"))
                .body("items.responseStatus", containsInAnyOrder(204, 204))
                .body("items.attempt", containsInAnyOrder(1, 1))
                .body("items.id", containsInAnyOrder(got.stream().map(Received::deliveryId).toArray()));
        // the channel-wide list: the owner's admins and the platform admin see it, another ministry does not
        given().auth().oauth2(BNV_ADMIN)
                .queryParam("channel", "webhook").queryParam("status", "DELIVERED")
                .queryParam("eventType", "vn.secondment.report.weekly-report.").queryParam("size", 100)
            .when().get("/api/notification/deliveries")
            .then().statusCode(OK.getStatusCode())
                .body("items.subscriptionId", hasItem(id));
        given().auth().oauth2(PLATFORM_ADMIN).queryParam("size", 100)
            .when().get("/api/notification/deliveries")
            .then().statusCode(OK.getStatusCode())
                .body("items.subscriptionId", hasItem(id));
        given().auth().oauth2(BCT_ADMIN).queryParam("size", 100)
            .when().get("/api/notification/deliveries")
            .then().statusCode(OK.getStatusCode())
                .body("items.subscriptionId", not(hasItem(id)));
    }

    @Test
    void retriesAFailingReceiverWithGrowingDelaysThenDisablesTheWebhookWithOneNotice() {
        String path = "/fail/" + UUID.randomUUID();
        String id = register(BNV_SYSTEM, path, "vn.secondment.report.weekly-report.accepted", null);
        UUID reportId = UUID.randomUUID();
        publish(event(ReportEvents.WEEKLY_REPORT_ACCEPTED, reportId, weeklyReport(reportId, "79")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveredEventIds(id)).hasSize(1));
        Instant t0 = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        at(t0);
        assertThat(receivedAt(path)).hasSize(1);
        assertDelivery(id, 1, "FAILED", t0.plusSeconds(10));

        at(t0.plusSeconds(9));
        assertThat(receivedAt(path)).as("not due before the first delay of 10 s").hasSize(1);

        at(t0.plusSeconds(10));
        assertThat(receivedAt(path)).hasSize(2);
        assertDelivery(id, 2, "FAILED", t0.plusSeconds(10 + 20));

        // the third consecutive failure reaches disable-after (3 in tests)
        at(t0.plusSeconds(30));
        at(t0.plusSeconds(3600));
        assertThat(receivedAt(path)).as("nothing is sent once the webhook is disabled").hasSize(3);
        assertThat(receivedAt(path)).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        given().auth().oauth2(BNV_ADMIN)
            .when().get(WEBHOOKS + "/{id}", id)
            .then().statusCode(OK.getStatusCode())
                .body("active", equalTo(false))
                .body("failures", equalTo(3))
                .body("disabledAt", equalTo(t0.plusSeconds(30).toString()))
                .body("secret", nullValue());

        String title = "Webhook http://127.0.0.1:" + receiver.getAddress().getPort() + path
                + " đã bị tạm dừng sau 3 lần gửi lỗi";
        assertThat(noticesAbout(BNV_ADMIN, id)).containsExactly(title);
        assertThat(noticesAbout(BCT_ADMIN, id)).isEmpty();
        assertThat(noticesAbout(BNV_COORDINATOR, id)).isEmpty();

        // re-enabled, it starts counting afresh and the waiting delivery goes out again
        String etag = given().auth().oauth2(BNV_ADMIN).when().get(WEBHOOKS + "/{id}", id).then()
                .statusCode(OK.getStatusCode()).extract().header("ETag");
        given().auth().oauth2(BNV_ADMIN).header("If-Match", etag)
            .when().post(WEBHOOKS + "/{id}/enable", id)
            .then().statusCode(OK.getStatusCode())
                .body("active", equalTo(true))
                .body("failures", equalTo(0))
                .body("disabledAt", nullValue());
        at(t0.plusSeconds(7200));
        assertThat(receivedAt(path)).hasSize(4);
        assertDelivery(id, 4, "FAILED", t0.plusSeconds(7200 + 80));
        assertThat(noticesAbout(BNV_ADMIN, id)).as("one notice per disable").hasSize(1);

        // the audit log tells who did what: the platform disabled it, the admin turned it back on
        given().auth().oauth2(BNV_ADMIN)
            .when().get(WEBHOOKS + "/{id}/audit", id)
            .then().statusCode(OK.getStatusCode())
                .body("items.action", contains("enabled", "disabled", "created"))
                .body("items.actor", contains("webhook.bnv.admin", "system", "service-account-bnv-integration"))
                .body("items[1].reason", equalTo("3 lần gửi lỗi liên tiếp"))
                .body("items[1].changes.find { it.field == 'active' }.to", equalTo(false));
    }

    @Test
    void registersOnceForARetriedRequestAndKeepsTheHistoryAfterDeletion() {
        String key = UUID.randomUUID().toString();
        String body = "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/ok/" + UUID.randomUUID()
                + "\",\"eventTypes\":[\"vn.secondment.report.issue.\"]}";
        var first = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body)
            .when().post(WEBHOOKS)
            .then().statusCode(201).extract();
        // the system lost the answer and asks again: the same webhook and secret, nothing new registered
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .when().post(WEBHOOKS)
            .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("secret", equalTo(first.path("secret")));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.replace("issue.", "weekly-report."))
            .when().post(WEBHOOKS)
            .then().statusCode(422);
        String id = first.path("id");

        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"provinces\":[\"79\"]}")
            .when().patch(WEBHOOKS + "/{id}", id)
            .then().statusCode(OK.getStatusCode());
        given().auth().oauth2(BNV_ADMIN).header("If-Match", "\"1\"")
            .when().delete(WEBHOOKS + "/{id}", id)
            .then().statusCode(204);

        // who removed it stays readable by the owner's admins, never by another ministry's, and holds no secret
        given().auth().oauth2(BNV_SYSTEM)
            .when().get(WEBHOOKS + "/{id}/audit", id)
            .then().statusCode(OK.getStatusCode())
                .body("items.action", contains("deleted", "updated", "created"))
                .body("items[1].changes.field", contains("provinces"))
                .body("items[1].changes[0].to", contains("79"))
                .body("items.changes.flatten().field", not(hasItem("secret")));
        given().auth().oauth2(BCT_ADMIN)
            .when().get(WEBHOOKS + "/{id}/audit", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
    }

    @Test
    void givesUpADeliveryAfterTheLastAttempt() {
        String path = "/fail/" + UUID.randomUUID();
        String id = register(BNV_SYSTEM, path, "vn.secondment.report.weekly-report.due", "79");
        UUID reportId = UUID.randomUUID();
        publish(event(ReportEvents.WEEKLY_REPORT_DUE, reportId, weeklyReport(reportId, "79")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveredEventIds(id)).hasSize(1));
        // as if 7 attempts (max-attempts 8) had already failed, without waiting through 7 backoffs
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE webhook_delivery SET attempt = 7 WHERE subscription_id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());

        at(Instant.now().plusSeconds(60));
        at(Instant.now().plusSeconds(3 * 3600));

        assertThat(receivedAt(path)).hasSize(1);
        given().auth().oauth2(BNV_ADMIN).queryParam("status", "GAVE_UP")
            .when().get(WEBHOOKS + "/{id}/deliveries", id)
            .then().statusCode(OK.getStatusCode())
                .body("totalItems", equalTo(1))
                .body("items[0].attempt", equalTo(8))
                .body("items[0].nextAttemptAt", nullValue())
                .body("items[0].error", equalTo("HTTP 500"));
    }

    @Test
    void anotherMinistrysAdminCannotSeeOrChangeTheWebhook() {
        String id = register(BNV_ADMIN, "/ok/" + UUID.randomUUID(), "vn.secondment.report.issue.", null);
        String body = "{\"url\":\"https://evil.example/hook\",\"eventTypes\":[\"vn.secondment.\"]}";

        given().auth().oauth2(BCT_ADMIN).when().get(WEBHOOKS + "/{id}", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
            .when().put(WEBHOOKS + "/{id}", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
        given().auth().oauth2(BCT_ADMIN).header("If-Match", "\"0\"")
            .when().post(WEBHOOKS + "/{id}/enable", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
        given().auth().oauth2(BCT_ADMIN).header("If-Match", "\"0\"")
            .when().delete(WEBHOOKS + "/{id}", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
        given().auth().oauth2(BCT_ADMIN).when().get(WEBHOOKS + "/{id}/deliveries", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
        given().auth().oauth2(BCT_ADMIN).queryParam("size", 100).when().get(WEBHOOKS)
            .then().statusCode(OK.getStatusCode())
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(BNV_COORDINATOR).when().get(WEBHOOKS)
            .then().statusCode(FORBIDDEN.getStatusCode());
        // the owner's admins and the platform admin do see it, without its secret
        given().auth().oauth2(BNV_SYSTEM).queryParam("size", 100).when().get(WEBHOOKS)
            .then().statusCode(OK.getStatusCode())
                .body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(startsWith("whsec_"))));
        given().auth().oauth2(PLATFORM_ADMIN).when().get(WEBHOOKS + "/{id}", id)
            .then().statusCode(OK.getStatusCode());

        // the owner's change needs the current ETag
        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .body("{\"provinces\":[\"79\"]}")
            .when().patch(WEBHOOKS + "/{id}", id)
            .then().statusCode(PRECONDITION_FAILED.getStatusCode());
        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"provinces\":[\"79\"]}")
            .when().patch(WEBHOOKS + "/{id}", id)
            .then().statusCode(OK.getStatusCode())
                .header("ETag", "\"1\"")
                .body("provinces", containsInAnyOrder("79"))
                .body("eventTypes", containsInAnyOrder("vn.secondment.report.issue."));
        given().auth().oauth2(BNV_ADMIN).header("If-Match", "\"1\"")
            .when().delete(WEBHOOKS + "/{id}", id)
            .then().statusCode(NO_CONTENT.getStatusCode());
        given().auth().oauth2(BNV_ADMIN).when().get(WEBHOOKS + "/{id}", id)
            .then().statusCode(NOT_FOUND.getStatusCode());
    }

    @Test
    void refusesABadUrlAndOtherMinistriesFieldByField() {
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"ftp://hethong.moha.gov.vn/hook\",\"eventTypes\":[],\"ministries\":[\"BCT\"],"
                        + "\"provinces\":[\"7\"]}")
            .when().post(WEBHOOKS)
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .body("violations.field", containsInAnyOrder("url", "eventTypes", "ministries", "provinces"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"/relative/hook\",\"eventTypes\":[\"vn.secondment.report.\"]}")
            .when().post(WEBHOOKS)
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .body("violations.field", containsInAnyOrder("url"));
        // email is a channel too now (see EmailTest); a channel that does not exist is named in the problem
        given().auth().oauth2(BNV_ADMIN).queryParam("channel", "sms")
            .when().get("/api/notification/deliveries")
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .body("violations.field", containsInAnyOrder("channel"));
    }

    @Test
    void refusesAUrlThatWouldMakeThePlatformCallItsOwnNetwork() {
        for (String url : new String[]{"http://169.254.169.254/latest/meta-data/", "http://localhost:8180/admin",
                "https://[::1]/hook", "https://10.0.0.1/hook", "http://hethong.moha.gov.vn/secondment/events"}) {
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"eventTypes\":[\"vn.secondment.report.\"]}")
                .when().post(WEBHOOKS)
                .then().statusCode(BAD_REQUEST.getStatusCode())
                    .body("violations.field", containsInAnyOrder("url"));
        }
    }

    @Test
    void refusesAMissingOrNullRegistrationAsABadRequestNotAServerError() {
        for (String body : new String[]{"", "null"}) {
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body(body)
                .when().post(WEBHOOKS)
                .then().statusCode(BAD_REQUEST.getStatusCode())
                    .contentType("application/problem+json");
        }
    }

    // ---- helpers

    /** Registers a webhook to the test receiver; the secret, shown only now, is what the receiver verifies with. */
    private static String register(String token, String path, String eventType, String province) {
        String provinces = province == null ? "[]" : "[\"" + province + "\"]";
        ExtractableResponse<Response> created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + path + "\","
                        + "\"eventTypes\":[\"" + eventType + "\"],\"provinces\":" + provinces + "}")
            .when().post(WEBHOOKS)
            .then().statusCode(CREATED.getStatusCode())
                .header("ETag", "\"0\"")
                .body("ministryCode", equalTo("BNV"))
                .body("active", equalTo(true))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/webhooks/" + id);
        SECRETS.put(path, created.path("secret"));
        return id;
    }

    private void at(Instant now) {
        clock.set(now);
        sender.sendDue(now);
    }

    private static void assertDelivery(String webhookId, int attempt, String status, Instant nextAttemptAt) {
        given().auth().oauth2(BNV_ADMIN)
            .when().get(WEBHOOKS + "/{id}/deliveries", webhookId)
            .then().statusCode(OK.getStatusCode())
                .body("items[0].attempt", equalTo(attempt))
                .body("items[0].status", equalTo(status))
                .body("items[0].responseStatus", equalTo(500))
                .body("items[0].error", equalTo("HTTP 500"))
                .body("items[0].nextAttemptAt", equalTo(nextAttemptAt.toString()));
    }

    private static List<String> deliveredEventIds(String webhookId) {
        return given().auth().oauth2(BNV_ADMIN).queryParam("size", 100)
            .when().get(WEBHOOKS + "/{id}/deliveries", webhookId)
            .then().statusCode(OK.getStatusCode())
                .extract().path("items.eventId");
    }

    private static List<Received> receivedAt(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static List<String> noticesAbout(String token, String webhookId) {
        return given().auth().oauth2(token).queryParam("size", 100).queryParam("subjectId", webhookId)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode())
                .extract().path("items.title");
    }

    private static WeeklyReportSnapshot weeklyReport(UUID reportId, String province) {
        return new WeeklyReportSnapshot(reportId, UUID.randomUUID(), UUID.randomUUID(), "BNV", province, "2025-W37",
                LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), "RETURNED",
                Instant.parse("2025-09-13T09:00:00Z"), false, null, null);
    }

    private static ObjectNode event(EventType type, UUID subject, Object data) {
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/report-service", subject.toString(), "BNV",
                Instant.now(), data);
    }

    private void publish(ObjectNode envelope) {
        kafka.publish(Topics.REPORT, envelope);
    }
}
