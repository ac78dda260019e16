package vn.secondment.personnel.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.outbox.OutboxEvent;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.Metrics;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The outbox's promise: when Kafka does not take the event the change still commits and its event waits in the
 * outbox, retried; when Kafka takes writes again the event is published. Kafka is made to refuse every record
 * by shrinking the topic's {@code max.message.bytes}, then restored. Operators see it all: the relay's meters, the
 * health group {@code platform}, and the request's trace carried by the event.
 */
@QuarkusTest
@TestProfile(KafkaFaults.class)
class OutboxRelayTest {

    /** A caller that traces its own requests (W3C trace context), as another ministry's system may. */
    private static final String CALLER_TRACE_ID = "5b8aa5a2d2c872e8321cf37308d69df2";
    private static final String CALLER_SPAN_ID = "051581bf3cb55c13";
    private static final String CALLER_TRACEPARENT = "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
    private static final String BNV_ADMIN = TestTokens.user("bnv.admin").roles(Roles.MINISTRY_ADMIN).ministry("BNV").token();

    @Inject
    EntityManager entityManager;

    @InjectTestKafka
    TestKafka kafka;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void keepsTheEventWhileKafkaRefusesWritesAndPublishesItWhenKafkaRecovers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ensureTopic(admin);
            refuseWrites(admin, true);
            String id;
            Metrics before = Metrics.scrape();
            try {
                id = given()
                        .auth().oauth2(BNV_ADMIN)
                        .header("traceparent", CALLER_TRACEPARENT)
                        .contentType(ContentType.JSON)
                        .body(vn.secondment.personnel.support.Directory.officialJson("Đinh Thị Ngọc", vn.secondment.personnel.support.Directory.uniqueEmail("ngoc")))
                    .when()
                        .post("/api/personnel/officials")
                    .then()
                        .statusCode(CREATED.getStatusCode())
                        .extract().path("id");

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    OutboxEvent event = outboxEventOf(id);
                    assertThat(event.publishedAt).isNull();
                    assertThat(event.attempts).isGreaterThanOrEqualTo(1);
                    assertThat(event.lastError).isNotBlank();
                    // the request's trace (continued from the caller's traceparent) is stored with the event
                    assertThat(event.traceparent).contains(CALLER_TRACE_ID);
                });
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Metrics metrics = Metrics.scrape();
                    assertThat(metrics.increase(before, "secondment_outbox_publish_failures_total", Map.of()))
                            .isGreaterThanOrEqualTo(1);
                    assertThat(metrics.value("secondment_outbox_pending", Map.of())).isGreaterThanOrEqualTo(1);
                    assertThat(metrics.value("secondment_outbox_oldest_pending_age_seconds", Map.of())).isGreaterThan(0);
                    given().get(ManagementInterface.url("/q/health/group/platform"))
                            .then().statusCode(503).body("checks.find { it.name == 'outbox relay' }.status", is("DOWN"));
                });
                // a relay that cannot publish does not take the service out of rotation
                given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200);
            } finally {
                refuseWrites(admin, false);
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(outboxEventOf(id).publishedAt).isNotNull());
            var consumer = kafka.readPublished(Topics.PERSONNEL);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(consumer.records()).extracting(record -> record.key()).contains(id));
            var record = consumer.records().stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            consumer.close();
            // the publish continues the request's trace, and tells consumers so in the header and in the envelope
            String header = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertThat(header).matches("00-" + CALLER_TRACE_ID + "-[0-9a-f]{16}-01")
                    .doesNotContain(CALLER_SPAN_ID);
            assertThat(new ObjectMapper().readTree(record.value()).path("traceparent").asText()).isEqualTo(header);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Metrics metrics = Metrics.scrape();
                assertThat(metrics.increase(before, "secondment_outbox_published_total", Map.of())).isGreaterThanOrEqualTo(1);
                assertThat(metrics.value("secondment_outbox_pending", Map.of())).isZero();
                given().get(ManagementInterface.url("/q/health/group/platform")).then().statusCode(200);
            });
        }
    }

    private OutboxEvent outboxEventOf(String officialId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from OutboxEvent e where e.aggregateId = :id", OutboxEvent.class)
                .setParameter("id", officialId)
                .getSingleResult());
    }

    private static void ensureTopic(Admin admin) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(Topics.PERSONNEL, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * A probe that is a well-formed event of the topic's contract: other tests read this topic and check every
     * record on it against the contract.
     */
    private static ObjectNode probeEvent() {
        UUID id = UUID.randomUUID();
        return TestEvents.envelope(PersonnelEvents.OFFICIAL_UPDATED.name(), 1, "/personnel-service", id.toString(),
                "BNV", Instant.parse("2025-09-15T01:30:00Z"),
                new OfficialSnapshot(id, "Kiểm tra Kafka", "BNV", null, null, null, null, null, false, null));
    }

    private void refuseWrites(Admin admin, boolean refuse) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PERSONNEL);
        AlterConfigOp op = refuse
                ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16"), AlterConfigOp.OpType.SET)
                : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
        // the change reaches the broker asynchronously: wait until a probe record is refused (or accepted)
        try (KafkaProducer<String, String> probe = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.RETRIES_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try {
                    probe.send(TestKafka.record(Topics.PERSONNEL, probeEvent(), null)).get();
                    return !refuse;
                } catch (ExecutionException e) {
                    return refuse && e.getCause() instanceof RecordTooLargeException;
                }
            });
        }
    }
}
