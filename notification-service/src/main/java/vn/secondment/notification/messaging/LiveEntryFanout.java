package vn.secondment.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.mapping.InboxEntryMapper;
import vn.secondment.notification.rest.InboxStreams;
import vn.secondment.notification.service.InboxEntriesAdded;

import java.util.concurrent.CompletableFuture;

/**
 * Live streams across instances. Each instance consumes its own share of the event topics' partitions, while a
 * client's stream is open on one instance, maybe another. So after each commit the new entries are published to
 * {@code notification.inbox-live}, and every instance reads all of that topic (a consumer group of its own, from
 * the latest offset) and hands the entries to its own open streams. Best effort by design: a stream is a
 * convenience on top of {@code GET /inbox?from=}, so nothing here is retried or kept.
 */
@ApplicationScoped
public class LiveEntryFanout {

    public static final String OUT = "inbox-live-out";
    public static final String IN = "inbox-live";
    /** One key, so one partition: every instance sees the entries in the order they were committed. */
    private static final String KEY = "inbox";
    private static final Logger LOG = Logger.getLogger(LiveEntryFanout.class);

    private final Emitter<String> out;
    private final InboxStreams streams;
    private final ObjectMapper json;
    private final InboxEntryMapper mapper;

    public LiveEntryFanout(@Channel(OUT) Emitter<String> out, InboxStreams streams, ObjectMapper json,
                           InboxEntryMapper mapper) {
        this.out = out;
        this.streams = streams;
        this.json = json;
        this.mapper = mapper;
    }

    /** After the commit of one event's entries (never for a rollback): on to every instance. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxEntriesAdded added) {
        for (InboxEntry entry : added.entries()) {
            try {
                out.send(Message.of(json.writeValueAsString(mapper.toLiveEntry(entry)))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(KEY).build())
                        .withAck(() -> CompletableFuture.completedFuture(null))
                        .withNack(failure -> {
                            LOG.warnf("Inbox entry %s not published to live streams: %s", entry.id, failure);
                            return CompletableFuture.completedFuture(null);
                        }));
            } catch (JsonProcessingException | RuntimeException e) {
                // a full buffer or a broker away: the entry is in the inbox all the same
                LOG.warnf("Inbox entry %s not published to live streams: %s", entry.id, e);
            }
        }
    }

    /** An entry committed by any instance, this one included: to the streams here whose reader sees it. */
    @Incoming(IN)
    public void receive(String record) throws JsonProcessingException {
        streams.deliver(json.readValue(record, LiveEntry.class));
    }
}
