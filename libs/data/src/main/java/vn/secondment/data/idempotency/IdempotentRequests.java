package vn.secondment.data.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Caller;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST: a client that retries a create (a phone that lost the answer, a ministry system
 * that timed out) gets the first response again instead of a duplicate. Keys belong to the caller (the token's
 * subject) and live for {@code platform.idempotency.retention}; reusing a key for a different request is refused
 * with 422.
 * <p>
 * The key is claimed with an insert in the same transaction as the create: a concurrent retry waits on that row
 * and replays the committed answer, and a create that fails releases the key with its rollback.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed response, so a client can tell it did not create anything this time. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Caller caller;
    private final Duration retention;
    private final Clock clock;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper json, Caller caller,
                              IdempotencyConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.caller = caller;
        this.retention = config.retention();
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per ({@code caller}, {@code key}); {@code key} null means the client did not ask for
     * idempotency. {@code operation} and {@code request} identify what the key was first used for.
     */
    @Transactional
    public Response once(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        String hash = hash(operation, request);
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (caller, key, operation, request_hash, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller.subject()).setParameter(2, key).setParameter(3, operation)
                .setParameter(4, hash).setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (claimed == 1) {
            Response response = create.get();
            remember(key, response);
            return response;
        }
        return replay(key, operation, hash);
    }

    private void remember(String key, Response response) {
        entityManager.createNativeQuery("""
                        UPDATE idempotency_key SET status = ?1, location = ?2, etag = ?3, body = ?4
                        WHERE caller = ?5 AND key = ?6""")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, response.getEntityTag() == null ? null : response.getEntityTag().getValue())
                .setParameter(4, toJson(response.getEntity()))
                .setParameter(5, caller.subject()).setParameter(6, key)
                .executeUpdate();
    }

    private Response replay(String key, String operation, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT operation, request_hash, status, location, etag, body
                        FROM idempotency_key WHERE caller = ?1 AND key = ?2""")
                .setParameter(1, caller.subject()).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            // purged between our insert and this read: extremely unlikely; the client may simply retry
            throw new ProblemException(ProblemType.CONFLICT, "The Idempotency-Key expired while in use; retry");
        }
        Object[] row = rows.get(0);
        if (!operation.equals(row[0]) || !hash.equals(row[1])) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "This Idempotency-Key was already used for a "
                    + "different request; use a new key for a new request");
        }
        Response.ResponseBuilder replayed = Response.status(((Number) row[2]).intValue()).header(REPLAYED, "true");
        if (row[3] != null) {
            replayed.location(URI.create((String) row[3]));
        }
        if (row[4] != null) {
            replayed.tag(new EntityTag((String) row[4]));
        }
        if (row[5] != null) {
            replayed.entity(row[5]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replayed.build();
    }

    /** Forgets keys older than the retention; a retry after that is a new request. */
    @Scheduled(every = "1h", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeExpired() {
        entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(retention)))
                .executeUpdate();
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
