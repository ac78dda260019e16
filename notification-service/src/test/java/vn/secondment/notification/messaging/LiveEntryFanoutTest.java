package vn.secondment.notification.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.service.InboxEntriesAdded;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code notification.inbox-live} carries, read from the real broker: the entries one transaction committed in
 * as few records as fit, in commit order, and nothing of a transaction that rolled back; entries added outside a
 * transaction at once.
 */
@QuarkusTest
@WithRealInfrastructure
class LiveEntryFanoutTest {

    private static final String LIVE_TOPIC = "notification.inbox-live";

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    Event<InboxEntriesAdded> added;

    @Test
    void publishesTheEntriesOfOneTransactionTogetherAndNothingOfARollback() throws Exception {
        String batch = UUID.randomUUID().toString();
        List<InboxEntry> rolledBack = entries(batch + "-rolled-back", 3);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                added.fire(new InboxEntriesAdded(rolledBack));
                throw new IllegalStateException("rolled back");
            });
        } catch (RuntimeException expected) {
            // rolled back, and its entries with it
        }
        // three events' entries in one transaction: 2 + 1 + 102, so 105 entries, over two records
        List<InboxEntry> first = entries(batch + "-1", 2);
        List<InboxEntry> second = entries(batch + "-2", 1);
        List<InboxEntry> third = entries(batch + "-3", LiveEntryFanout.ENTRIES_PER_RECORD + 2);
        QuarkusTransaction.requiringNew().run(() -> {
            added.fire(new InboxEntriesAdded(first));
            added.fire(new InboxEntriesAdded(second));
            added.fire(new InboxEntriesAdded(third));
        });

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords(LIVE_TOPIC,
                record -> record.value().contains(batch), 2);
        List<String> published = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).isEqualTo("inbox");
            JsonNode entries = TestEvents.JSON.readTree(record.value());
            assertThat(entries.isArray()).as(record.value()).isTrue();
            entries.forEach(entry -> published.add(entry.path("eventId").asText()));
        }
        assertThat(records).hasSize(2);
        assertThat(TestEvents.JSON.readTree(records.get(0).value())).hasSize(LiveEntryFanout.ENTRIES_PER_RECORD);
        List<String> expected = new ArrayList<>();
        for (List<InboxEntry> event : List.of(first, second, third)) {
            event.forEach(entry -> expected.add(entry.eventId));
        }
        assertThat(published).containsExactlyElementsOf(expected).noneMatch(id -> id.endsWith("-rolled-back"));
    }

    @Test
    void entriesAddedOutsideATransactionArePublishedAtOnce() throws Exception {
        String event = UUID.randomUUID() + "-no-transaction";
        List<InboxEntry> entries = entries(event, 3);

        added.fire(new InboxEntriesAdded(entries));

        ConsumerRecord<String, String> record = kafka.awaitRecords(LIVE_TOPIC,
                published -> published.value().contains(event), 1).get(0);
        assertThat(record.key()).isEqualTo("inbox");
        JsonNode published = TestEvents.JSON.readTree(record.value());
        assertThat(published.isArray()).as(record.value()).isTrue();
        assertThat(published).extracting(entry -> entry.path("title").asText())
                .containsExactly("Cán bộ mới 0", "Cán bộ mới 1", "Cán bộ mới 2");
    }

    /** {@code count} entries of one event, for BNV's ministry admins. */
    private static List<InboxEntry> entries(String eventId, int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            InboxEntry entry = new InboxEntry();
            entry.id = UUID.randomUUID();
            entry.eventId = eventId;
            entry.eventType = "vn.secondment.personnel.official.registered";
            entry.audienceRole = Roles.MINISTRY_ADMIN;
            entry.ministry = "BNV";
            entry.title = "Cán bộ mới " + i;
            entry.body = "Đã được thêm.";
            entry.createdAt = Instant.now();
            return entry;
        }).toList();
    }
}
