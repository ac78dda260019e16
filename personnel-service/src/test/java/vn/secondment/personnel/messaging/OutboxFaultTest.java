package vn.secondment.personnel.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.testing.Faults;
import vn.secondment.testing.InjectFaults;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.MERGE_PATCH;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.officialJson;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/**
 * The broker unreachable (a firewall dropping packets: what is sent meanwhile arrives afterwards) while 300 changes
 * are written: every change is acknowledged to its caller, and once the broker is back every event is on the topic
 * exactly once, each official's in the order written; the health group {@code platform} said the broker was
 * unreachable meanwhile. The outage outlasts several produce request timeouts, so the producer sends batches again
 * while the first copies are still on their way: only the idempotent producer's sequence numbers, and a relay that
 * does not send again while the outcome is unknown, keep the copies off the topic.
 */
@QuarkusTest
@TestProfile(KafkaFaults.class)
class OutboxFaultTest {

    private static final int OFFICIALS_WRITTEN = 100;
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @InjectFaults
    Faults faults;

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void heal() {
        faults.heal();
    }

    @Test
    void publishesEveryEventOnceAndInOrderAcrossABrokerOutage() {
        long firstSeq = lastOutboxSeq();
        Map<String, String> etags = new LinkedHashMap<>();
        int acknowledged = 0;
        // a third written while the broker is reachable, the rest during the outage
        for (int i = 0; i < OFFICIALS_WRITTEN / 3; i++) {
            create(etags, i);
            acknowledged++;
        }
        faults.kafka().blackhole();
        long outageStart = System.nanoTime();
        for (int i = OFFICIALS_WRITTEN / 3; i < OFFICIALS_WRITTEN; i++) {
            create(etags, i);
            acknowledged++;
        }
        for (int round = 1; round <= 2; round++) {
            for (Map.Entry<String, String> official : etags.entrySet()) {
                official.setValue(patch(official.getKey(), official.getValue(), round));
                acknowledged++;
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get(ManagementInterface.url("/q/health/group/platform"))
                .then().statusCode(503).body("checks.find { it.name == 'kafka' }.status", is("DOWN")));
        long wait = OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - outageStart).toMillis();
        if (wait > 0) {
            sleep(wait);
        }
        faults.kafka().pass();
        long outageSeconds = Duration.ofNanos(System.nanoTime() - outageStart).toSeconds();
        long recoveryStart = System.nanoTime();

        List<OutboxRow> written = outboxSince(firstSeq);
        assertThat(written).hasSize(acknowledged);
        await().atMost(Duration.ofSeconds(60)).until(() -> outboxPendingSince(firstSeq) == 0);
        long recoveredMillis = Duration.ofNanos(System.nanoTime() - recoveryStart).toMillis();

        List<ConsumerRecord<String, String>> records;
        try (TopicRecords topic = kafka.readPublished(Topics.PERSONNEL)) {
            java.util.Set<String> ids = written.stream().map(OutboxRow::id).collect(Collectors.toSet());
            topic.await(record -> ids.contains(TopicRecords.envelope(record).path("id").asText()), written.size());
            // anything sent twice would arrive with the rest; give stragglers a moment
            sleep(2_000);
            records = topic.records().stream()
                    .filter(record -> ids.contains(TopicRecords.envelope(record).path("id").asText()))
                    .toList();
        }
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(
                record -> TopicRecords.envelope(record).path("id").asText(), Collectors.counting()));
        long duplicates = records.size() - copies.size();
        System.out.printf("OutboxFaultTest: writes %d, acknowledged %d, outbox events %d, published %d, "
                        + "records on the topic %d, duplicates %d, broker unreachable %d s, all published %d ms "
                        + "after it came back%n", acknowledged, acknowledged, written.size(), copies.size(),
                records.size(), duplicates, outageSeconds, recoveredMillis);

        assertThat(copies).hasSize(written.size());
        assertThat(duplicates).as("records published more than once").isZero();
        // each official's events in the order they were written (its key keeps them on one partition)
        Map<String, List<String>> writtenOrder = new LinkedHashMap<>();
        written.forEach(row -> writtenOrder.computeIfAbsent(row.aggregateId(), k -> new ArrayList<>()).add(row.id()));
        Map<String, List<String>> publishedOrder = new LinkedHashMap<>();
        records.forEach(record -> {
            JsonNode envelope = TopicRecords.envelope(record);
            publishedOrder.computeIfAbsent(envelope.path("subject").asText(), k -> new ArrayList<>())
                    .add(envelope.path("id").asText());
        });
        assertThat(publishedOrder).isEqualTo(writtenOrder);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get(ManagementInterface.url("/q/health/group/platform")).then().statusCode(200));
    }

    private void create(Map<String, String> etags, int i) {
        Response created = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialJson("Nguyễn Văn Thử " + i, uniqueEmail("fault" + i)))
                .post(OFFICIALS);
        created.then().statusCode(201);
        etags.put(created.path("id"), created.header("ETag"));
    }

    private String patch(String id, String etag, int round) {
        Response patched = given().auth().oauth2(BNV_ADMIN).contentType(MERGE_PATCH).header("If-Match", etag)
                .body("{\"position\": \"Chuyên viên lần " + round + "\"}")
                .patch(OFFICIALS + "/" + id);
        patched.then().statusCode(200);
        return patched.header("ETag");
    }

    private long lastOutboxSeq() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT coalesce(max(seq), 0) FROM outbox_event").getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<OutboxRow> outboxSince(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) entityManager
                .createNativeQuery("SELECT CAST(id AS text), aggregate_id FROM outbox_event WHERE seq > :seq ORDER BY seq")
                .setParameter("seq", seq).getResultList())
                .stream().map(row -> new OutboxRow((String) row[0], (String) row[1])).toList());
    }

    private long outboxPendingSince(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE seq > :seq AND published_at IS NULL")
                .setParameter("seq", seq).getSingleResult()).longValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record OutboxRow(String id, String aggregateId) {
    }
}
