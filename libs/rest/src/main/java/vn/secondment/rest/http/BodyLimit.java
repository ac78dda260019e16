package vn.secondment.rest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.secondment.rest.config.HttpLimitsConfig;
import vn.secondment.rest.problem.ProblemType;

import java.util.Locale;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem+json, whether its size is
 * announced ({@code Content-Length}: refused before reading) or not (sent in chunks: read here, within the limit,
 * and handed to Quarkus REST whole). Without this the HTTP layer answers with an empty 413 that clients cannot
 * explain, and closes the connection mid-upload, which a proxy in front (the gateway) sees as a failed service.
 * <p>
 * After a refusal the rest of the body is read and dropped, up to {@value #DRAIN_FACTOR} times the limit, so that
 * the sender reads the answer instead of a reset connection; beyond that the connection is closed.
 */
@ApplicationScoped
public class BodyLimit {

    static final int DRAIN_FACTOR = 4;

    void install(@Observes Router router, ObjectMapper json, HttpLimitsConfig limits,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        // after RequestIds, SecurityHeaders and the URI and header limits, so that this answer carries them too
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            HttpServerRequest request = context.request();
            String announced = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced != null) {
                long size = size(announced);
                if (size > max) {
                    boolean tooMuchToDrain = size > max * DRAIN_FACTOR;
                    refuse(context, json, "The body has " + size + " bytes; at most " + max + " are accepted",
                            tooMuchToDrain);
                    if (!tooMuchToDrain) {
                        drain(request);
                    }
                    return;
                }
                context.next();
                return;
            }
            if (limits.readChunkedBodies() && isChunked(request) && !request.isEnded()) {
                readWithin(context, json, max);
                return;
            }
            context.next();
        });
    }

    private static void readWithin(RoutingContext context, ObjectMapper json, long max) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0]) {
                if (received[0] > max * (DRAIN_FACTOR + 1)) {
                    request.connection().close();
                }
                return;
            }
            if (received[0] > max) {
                refused[0] = true;
                refuse(context, json, "The body, sent in chunks, is larger than the " + max + " bytes accepted",
                        false);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!refused[0]) {
                // Quarkus REST reads a body already read from the routing context
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private static void refuse(RoutingContext context, ObjectMapper json, String detail, boolean close) {
        HttpLayerProblems.send(context, json, ProblemType.PAYLOAD_TOO_LARGE, 413, detail, close);
    }

    /** Reads and drops the rest of the body, so that the connection stays usable and the sender is not reset. */
    private static void drain(HttpServerRequest request) {
        request.handler(ignored -> {
        });
        request.resume();
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static long size(String announced) {
        try {
            return Long.parseLong(announced.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }
}
