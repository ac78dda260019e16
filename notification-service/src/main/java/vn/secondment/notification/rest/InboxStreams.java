package vn.secondment.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;
import vn.secondment.notification.InboxReader;
import vn.secondment.notification.config.StreamConfig;
import vn.secondment.notification.mapping.InboxEntryMapper;
import vn.secondment.notification.messaging.LiveEntry;
import vn.secondment.notification.repository.InboxEntryRepository;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The open live streams of this instance. In memory on purpose: a stream shows what arrives while it is open; a
 * client that reconnects catches up with {@code GET /inbox?from=}, so nothing has to be replayed from here. The
 * entries of every instance arrive through {@code LiveEntryFanout}.
 */
@ApplicationScoped
public class InboxStreams {

    public static final String ENTRY_EVENT = "inbox-entry";
    private static final Logger LOG = Logger.getLogger(InboxStreams.class);

    private record Listener(InboxReader reader, Consumer<LiveEntry> deliver) {
    }

    private final Map<UUID, Listener> listeners = new ConcurrentHashMap<>();
    private final StreamConfig config;
    private final InboxEntryMapper mapper;
    private final ObjectMapper json;

    public InboxStreams(StreamConfig config, InboxEntryMapper mapper, ObjectMapper json) {
        this.config = config;
        this.mapper = mapper;
        this.json = json;
    }

    /**
     * A stream of the entries {@code reader} sees, from now on, with a comment every heartbeat. It starts with a
     * {@code connected} comment, sent once it listens: the response headers go out with it, and from then on no
     * committed entry is missed. It ends, and is forgotten, when the client disconnects.
     */
    public Multi<OutboundSseEvent> open(InboxReader reader, Sse sse) {
        Multi<OutboundSseEvent> entries = Multi.createFrom().emitter(emitter -> {
            UUID key = UUID.randomUUID();
            listeners.put(key, new Listener(reader, entry -> emitter.emit(entryEvent(sse, entry))));
            emitter.onTermination(() -> listeners.remove(key));
            emitter.emit(sse.newEventBuilder().comment("connected").build());
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(entries, heartbeats);
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return listeners.size();
    }

    /**
     * Hands a committed entry to the streams whose reader sees it, by the same rule as the list
     * ({@link InboxEntryRepository#isVisibleTo}); entries of every instance come here through
     * {@code LiveEntryFanout}. Emitting only buffers, so a slow client holds nobody up.
     */
    public void deliver(LiveEntry entry) {
        for (Listener listener : listeners.values()) {
            if (InboxEntryRepository.isVisibleTo(entry.recipient(), entry.recipientEmail(), entry.audienceRole(),
                    entry.ministry(), entry.province(), entry.unit(), listener.reader())) {
                try {
                    listener.deliver().accept(entry);
                } catch (RuntimeException e) {
                    // one broken stream must not keep the entry from the others
                    LOG.debugf(e, "Inbox entry %s not delivered to a stream", entry.id());
                }
            }
        }
    }

    private OutboundSseEvent entryEvent(Sse sse, LiveEntry entry) {
        try {
            return sse.newEventBuilder()
                    .name(ENTRY_EVENT)
                    .id(entry.id().toString())
                    // written to JSON here, so the event carries it as text, without a media type field of its own
                    .data(String.class, json.writeValueAsString(mapper.toView(entry)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Inbox entry " + entry.id() + " cannot be written as JSON", e);
        }
    }
}
