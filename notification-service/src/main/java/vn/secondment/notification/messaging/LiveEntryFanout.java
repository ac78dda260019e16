package vn.secondment.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.mapping.InboxEntryMapper;
import vn.secondment.notification.rest.InboxStreams;
import vn.secondment.notification.service.InboxEntriesAdded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Live streams across instances. Each instance consumes its own share of the event topics' partitions, while a
 * client's stream is open on one instance, maybe another. So after each commit the new entries are published to
 * {@code notification.inbox-live}, and every instance reads all of that topic (a consumer group of its own, from
 * the latest offset) and hands the entries to its own open streams. Best effort by design: a stream is a
 * convenience on top of {@code GET /inbox?from=}, so nothing here is retried or kept.
 * <p>
 * A record carries the entries one transaction committed (a JSON array, {@value #ENTRIES_PER_RECORD} at most): a
 * consumer batch commits hundreds of events at once, and a record per entry was a sixth of the consumers' CPU.
 */
@ApplicationScoped
public class LiveEntryFanout {

    public static final String OUT = "inbox-live-out";
    public static final String IN = "inbox-live";
    /** Keeps a record well under Kafka's 1 MB default however many entries a transaction made (≈ 1 KB each). */
    static final int ENTRIES_PER_RECORD = 100;
    /** One key, so one partition: every instance sees the entries in the order they were committed. */
    private static final String KEY = "inbox";
    private static final Logger LOG = Logger.getLogger(LiveEntryFanout.class);

    private final Emitter<String> out;
    private final InboxStreams streams;
    private final ObjectMapper json;
    /** A record's entries; a single entry is read too, as instances before the arrays published them. */
    private final ObjectReader records;
    private final InboxEntryMapper mapper;
    private final TransactionSynchronizationRegistry transaction;
    private final Event<Committed> committed;

    public LiveEntryFanout(@Channel(OUT) Emitter<String> out, InboxStreams streams, ObjectMapper json,
                           InboxEntryMapper mapper, TransactionSynchronizationRegistry transaction,
                           Event<Committed> committed) {
        this.out = out;
        this.streams = streams;
        this.json = json;
        this.records = json.readerForListOf(LiveEntry.class)
                .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        this.mapper = mapper;
        this.transaction = transaction;
        this.committed = committed;
    }

    /** The entries a transaction committed, gathered while it runs and published once it has committed. */
    record Committed(List<LiveEntry> entries) {
    }

    /**
     * Gathers the entries of the current transaction; the first gathering of a transaction fires the
     * {@link Committed} that {@link #onCommitted} hears after the commit (never after a rollback). Entries are mapped
     * here, while the transaction runs: they are copies, and a later event of the batch may still change the group
     * entry they copy.
     */
    void onAdded(@Observes InboxEntriesAdded added) {
        List<LiveEntry> entries = new ArrayList<>(added.entries().size());
        for (InboxEntry entry : added.entries()) {
            entries.add(mapper.toLiveEntry(entry));
        }
        if (transaction.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            publish(entries);
            return;
        }
        Committed gathered = (Committed) transaction.getResource(Committed.class);
        if (gathered == null) {
            gathered = new Committed(new ArrayList<>());
            transaction.putResource(Committed.class, gathered);
            committed.fire(gathered);
        }
        gathered.entries().addAll(entries);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Committed committed) {
        publish(committed.entries());
    }

    private void publish(List<LiveEntry> entries) {
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_RECORD) {
            List<LiveEntry> part = entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_RECORD));
            try {
                out.send(Message.of(json.writeValueAsString(part))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(KEY).build())
                        .withAck(() -> CompletableFuture.completedFuture(null))
                        .withNack(failure -> {
                            LOG.warnf("%d inbox entries not published to live streams: %s", part.size(), failure);
                            return CompletableFuture.completedFuture(null);
                        }));
            } catch (JsonProcessingException | RuntimeException e) {
                // a full buffer or a broker away: the entries are in the inbox all the same
                LOG.warnf("%d inbox entries not published to live streams: %s", part.size(), e);
            }
        }
    }

    /** Entries committed by any instance, this one included: to the streams here whose reader sees them. */
    @Incoming(IN)
    public void receive(String record) throws JsonProcessingException {
        List<LiveEntry> entries = records.readValue(record);
        entries.forEach(streams::deliver);
    }
}
