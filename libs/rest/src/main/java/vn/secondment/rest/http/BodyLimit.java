package vn.secondment.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemType;

import java.util.List;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem+json before
 * reading it. Without this the HTTP layer answers such requests with an empty 413 that clients cannot explain.
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        // right after SecurityHeaders, so that this answer carries them too
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced != null && exceeds(announced, max)) {
                Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                        413, "The body has " + announced.strip() + " bytes; at most " + max + " are accepted",
                        context.request().path(), List.of());
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        // the unread body would otherwise be taken as the next request
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(write(json, problem));
                return;
            }
            context.next();
        });
    }

    private static boolean exceeds(String announced, long max) {
        try {
            return Long.parseLong(announced.strip()) > max;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private static String write(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
