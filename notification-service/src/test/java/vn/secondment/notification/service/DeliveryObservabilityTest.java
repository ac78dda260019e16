package vn.secondment.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.events.tracing.EventTracing;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.Metrics;
import vn.secondment.testing.RecordedSpans;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * What an operator sees of the delivery queues: the trace a delivery was queued in continued by its send (and
 * handed to the webhook receiver), the meters at {@code /q/metrics} moving as mail and deliveries go out and fail,
 * the dead-letter meters, and the {@code platform} health group going DOWN for mail stuck in the queue. The same
 * real SMTP server (GreenMail) as {@link EmailTest}, so both run in one application.
 */
@QuarkusTest
@WithRealInfrastructure
@WithTestResource(GreenMailResource.class)
class DeliveryObservabilityTest {

    private static final String PLATFORM_ADMIN = TestTokens.user("observe.platform.admin")
            .roles(Roles.PLATFORM_ADMIN).token();
    private static final String BNV_ADMIN = TestTokens.user("observe.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    /** The traceparent header each receiver path got last. */
    private static final Map<String, String> TRACEPARENTS = new ConcurrentHashMap<>();
    private static HttpServer receiver;

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    InboxService inbox;

    @Inject
    EventCodec codec;

    @Inject
    EventTracing tracing;

    @Inject
    WebhookSender webhooks;

    @Inject
    EmailSender mail;

    @Inject
    NotificationMetrics metrics;

    @Inject
    RecordedSpans spans;

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String traceparent = exchange.getRequestHeaders().getFirst(EventTracing.TRACEPARENT);
            TRACEPARENTS.put(path, traceparent == null ? "(none)" : traceparent);
            exchange.sendResponseHeaders(path.startsWith("/fail/") ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @AfterEach
    void realTimeAndServer() {
        clock.reset();
        if (!GreenMailResource.server().isRunning()) {
            GreenMailResource.startServer();
        }
    }

    @Test
    void aWebhookDeliveryContinuesTheTraceItWasQueuedInAndHandsItToTheReceiver() {
        String path = "/ok/" + UUID.randomUUID();
        UUID webhookId = register(path);
        drainQueues();
        double delivered = value("secondment_webhook_deliveries_total", "outcome", "delivered");

        String queuedIn = receiveTraced(weeklyReportEvent(ReportEvents.WEEKLY_REPORT_ACCEPTED, "ACCEPTED"));
        assertThat(storedTraceparents("webhook_delivery", "subscription_id", webhookId)).containsExactly(queuedIn);

        sendWebhooks(Instant.now());

        String header = TRACEPARENTS.get(path);
        assertThat(header).as("the receiver may continue the trace").isNotNull().isNotEqualTo("(none)");
        assertThat(traceId(header)).isEqualTo(traceId(queuedIn));
        SpanData deliver = spanOf("webhook deliver", header);
        assertThat(deliver.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(deliver.getParentSpanId()).as("a child of the span it was queued in").isEqualTo(spanId(queuedIn));
        assertThat(deliver.getAttributes().get(AttributeKey.stringKey("webhook.subscription.id")))
                .isEqualTo(webhookId.toString());
        assertThat(deliver.getAttributes().get(AttributeKey.stringKey("delivery.outcome"))).isEqualTo("delivered");
        assertThat(deliver.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(204L);
        assertThat(value("secondment_webhook_deliveries_total", "outcome", "delivered")).isEqualTo(delivered + 1);
    }

    @Test
    void countsFailedDeliveriesAndTheWebhookTheyDisable() {
        UUID webhookId = register("/fail/" + UUID.randomUUID());
        drainQueues();
        double failed = value("secondment_webhook_deliveries_total", "outcome", "failed");
        double disablements = value("secondment_webhook_endpoint_disablements_total");
        metrics.refresh();
        double disabledNow = value("secondment_webhook_endpoints_disabled");

        receiveTraced(weeklyReportEvent(ReportEvents.WEEKLY_REPORT_ACCEPTED, "ACCEPTED"));
        Instant t0 = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        // the third consecutive failure reaches disable-after (3 in tests)
        for (Instant at : List.of(t0, t0.plusSeconds(10), t0.plusSeconds(30))) {
            clock.set(at);
            sendWebhooks(at);
        }

        given().auth().oauth2(BNV_ADMIN).when().get("/api/notification/webhooks/{id}", webhookId)
            .then().statusCode(200).body("active", equalTo(false));
        assertThat(value("secondment_webhook_deliveries_total", "outcome", "failed")).isEqualTo(failed + 3);
        assertThat(value("secondment_webhook_endpoint_disablements_total")).isEqualTo(disablements + 1);
        metrics.refresh();
        assertThat(value("secondment_webhook_endpoints_disabled")).isEqualTo(disabledNow + 1);
    }

    @Test
    void anEmailIsSentInTheTraceItWasQueuedInAndCountedByOutcome() {
        String email = "trace." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = knownOfficial(email);
        drainQueues();
        double sent = value("secondment_email_sends_total", "outcome", "sent");
        double failed = value("secondment_email_sends_total", "outcome", "failed");

        String queuedIn = receiveTraced(returnedReportOf(officialId));
        UUID deliveryId = emailDeliveryTo(email);
        assertThat(storedTraceparents("email_delivery", "id", deliveryId)).containsExactly(queuedIn);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        metrics.refresh();
        assertThat(value("secondment_email_queue_depth")).isGreaterThanOrEqualTo(1);

        GreenMailResource.stopServer();
        try {
            sendMail(now);
        } finally {
            GreenMailResource.startServer();
        }
        assertThat(value("secondment_email_sends_total", "outcome", "failed")).isEqualTo(failed + 1);
        sendMail(now.plus(Duration.ofMinutes(1)));
        assertThat(value("secondment_email_sends_total", "outcome", "sent")).isEqualTo(sent + 1);

        List<SpanData> sends = spans.named("email send").stream()
                .filter(s -> deliveryId.toString().equals(s.getAttributes().get(AttributeKey.stringKey("delivery.id"))))
                .toList();
        assertThat(sends).as("one span per attempt, both in the event's trace, children of its queueing")
                .hasSize(2).allSatisfy(s -> {
                    assertThat(s.getTraceId()).isEqualTo(traceId(queuedIn));
                    assertThat(s.getParentSpanId()).isEqualTo(spanId(queuedIn));
                    assertThat(s.getAttributes().asMap().values().toString()).doesNotContain(email);
                });
        assertThat(sends).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("delivery.outcome")))
                .containsExactlyInAnyOrder("failed", "sent");
    }

    @Test
    void thePlatformHealthGroupIsDownWhileAnEmailWaitsLongerThanFifteenMinutes() {
        String email = "stuck." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = knownOfficial(email);
        receiveTraced(returnedReportOf(officialId));
        emailDeliveryTo(email);

        // nothing sent for 16 minutes
        clock.set(Instant.now().plus(Duration.ofMinutes(16)));
        given()
            .when().get(ManagementInterface.url("/q/health/group/platform"))
            .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'notification delivery queues' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'notification delivery queues' }.data.emailOldestDueSeconds",
                        greaterThanOrEqualTo(960))
                .body("checks.find { it.name == 'notification delivery queues' }.data.emailMaxAgeSeconds",
                        equalTo(900));
        // serving is another matter: readiness stays up
        given()
            .when().get(ManagementInterface.url("/q/health/ready"))
            .then().statusCode(200);
        metrics.refresh();
        assertThat(value("secondment_email_queue_oldest_age_seconds")).isGreaterThanOrEqualTo(960);

        // sent at last: this queue is not left stuck for the other tests
        clock.reset();
        sendMail(Instant.now());
    }

    @Test
    void countsADeadLetterByItsTopicUntilItIsReplayedInTheTraceItCarried() {
        UUID webhookId = register("/ok/" + UUID.randomUUID());
        String carried = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        double stored = value("secondment_dead_letters_stored_total", "topic", Topics.REPORT);
        metrics.refresh();
        double unreplayed = value("secondment_dead_letters_unreplayed");
        String key = UUID.randomUUID().toString();
        ObjectNode event = weeklyReportEvent(ReportEvents.WEEKLY_REPORT_ACCEPTED, "ACCEPTED");
        ProducerRecord<String, String> record = new ProducerRecord<>("notification-service.dlq", key,
                event.toString());
        header(record, "dead-letter-reason", "ERROR: canceling statement due to lock timeout");
        // the original record's headers, which the dead-letter topic keeps
        header(record, EventTracing.TRACEPARENT, carried);
        header(record, "dead-letter-topic", Topics.REPORT);
        header(record, "dead-letter-partition", "0");
        header(record, "dead-letter-offset",
                Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE)));
        kafka.publish(record);

        String id = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(PLATFORM_ADMIN)
                .queryParam("size", 100).when().get("/api/notification/dead-letters")
                .then().statusCode(200)
                .extract().path("items.find { it.key == '" + key + "' }.id"), found -> found != null);
        assertThat(value("secondment_dead_letters_stored_total", "topic", Topics.REPORT)).isEqualTo(stored + 1);
        metrics.refresh();
        assertThat(value("secondment_dead_letters_unreplayed")).isEqualTo(unreplayed + 1);

        given().auth().oauth2(PLATFORM_ADMIN).when().post("/api/notification/dead-letters/{id}/replay", id)
            .then().statusCode(200);
        metrics.refresh();
        assertThat(value("secondment_dead_letters_unreplayed")).isEqualTo(unreplayed);
        // what the replay queued belongs to the event's trace, however late
        assertThat(storedTraceparents("webhook_delivery", "subscription_id", webhookId))
                .singleElement().extracting(DeliveryObservabilityTest::traceId).isEqualTo(traceId(carried));
    }

    // ---- helpers

    /**
     * Sends what other tests left queued (the database outlives their applications) and puts off what fails, so
     * that the meters move only with this test's deliveries.
     */
    private void drainQueues() {
        Instant later = Instant.now().plus(Duration.ofHours(3));
        sendMail(later);
        sendWebhooks(later);
    }

    /**
     * Processes the event as the consumer does, inside a span as the consumer's is; returns that span's
     * traceparent, the one the deliveries it queues must keep.
     */
    private String receiveTraced(ObjectNode event) {
        AtomicReference<String> current = new AtomicReference<>();
        tracing.inSpan("test consume", SpanKind.CONSUMER, null, Map.of(), () -> {
            current.set(EventTracing.currentTraceparent());
            inbox.receive(codec.decode(event.toString()));
        });
        assertThat(current.get()).isNotNull();
        return current.get();
    }

    @SuppressWarnings("unchecked")
    private List<String> storedTraceparents(String table, String column, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT traceparent FROM " + table + " WHERE " + column + " = :id")
                .setParameter("id", id).getResultList());
    }

    private UUID emailDeliveryTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                        "SELECT id FROM email_delivery WHERE recipient_email = :email")
                .setParameter("email", email).getSingleResult());
    }

    /** The series {@code name} with labels {@code "outcome", "sent"}, … now; 0 when there is none yet. */
    private static double value(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return Metrics.scrape().value(name, wanted);
    }

    private SpanData spanOf(String name, String traceparent) {
        return spans.named(name).stream().filter(s -> s.getSpanId().equals(spanId(traceparent))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " span " + traceparent));
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    private void sendWebhooks(Instant now) {
        int guard = 0;
        while (webhooks.sendDue(now) > 0 && guard++ < 50) {
            // the next batch
        }
    }

    private void sendMail(Instant now) {
        int guard = 0;
        while (mail.sendDue(now) > 0 && guard++ < 50) {
            // the next batch
        }
    }

    /** A webhook of BNV to the test receiver, for accepted weekly reports in province 79. */
    private static UUID register(String path) {
        String id = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + path + "\","
                        + "\"eventTypes\":[\"vn.secondment.report.weekly-report.accepted\"],\"provinces\":[\"79\"]}")
            .when().post("/api/notification/webhooks")
            .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** An official personnel-service announced, so that their own affairs reach them by e-mail. */
    private UUID knownOfficial(String email) {
        UUID officialId = UUID.randomUUID();
        inbox.receive(codec.decode(TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", officialId.toString(), "BNV", Instant.now(),
                new OfficialSnapshot(officialId, "Trần Văn Dũng", "BNV", null, "Chuyên viên", "CIVIL_SERVANT",
                        email, List.of(), true, null)).toString()));
        return officialId;
    }

    private static ObjectNode returnedReportOf(UUID officialId) {
        UUID reportId = UUID.randomUUID();
        return event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId, new WeeklyReportSnapshot(reportId,
                UUID.randomUUID(), officialId, "BNV", "79", "2025-W37", LocalDate.of(2025, 9, 8),
                Instant.parse("2025-09-14T10:00:00Z"), "RETURNED", Instant.parse("2025-09-13T09:00:00Z"), false,
                null, null));
    }

    private static ObjectNode weeklyReportEvent(EventType type, String status) {
        UUID reportId = UUID.randomUUID();
        return event(type, reportId, new WeeklyReportSnapshot(reportId, UUID.randomUUID(), UUID.randomUUID(), "BNV",
                "79", "2025-W37", LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), status,
                Instant.parse("2025-09-13T09:00:00Z"), false, null, null));
    }

    private static ObjectNode event(EventType type, UUID subject, Object data) {
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/report-service", subject.toString(), "BNV",
                Instant.now(), data);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
