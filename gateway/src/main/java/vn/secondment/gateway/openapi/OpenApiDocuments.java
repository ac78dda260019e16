package vn.secondment.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.secondment.gateway.config.GatewayConfig;
import vn.secondment.gateway.http.ProblemWriter;
import vn.secondment.gateway.proxy.Backends;
import vn.secondment.gateway.routing.RouteTable;
import vn.secondment.gateway.routing.ServiceRoute;
import vn.secondment.rest.http.RequestIds;
import vn.secondment.rest.problem.ProblemType;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /openapi/<name>}: the service's own OpenAPI document ({@code <service url>/q/openapi}), public like
 * the service's, with the Keycloak login added for the console. Documents are small, so this one is buffered.
 */
@ApplicationScoped
public class OpenApiDocuments implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);
    private static final String JSON = "application/json";

    private final RouteTable routes;
    private final Backends backends;
    private final ProblemWriter problems;
    private final ObjectMapper json;
    private final KeycloakLogin login;

    public OpenApiDocuments(RouteTable routes, Backends backends, ProblemWriter problems, ObjectMapper json,
                            GatewayConfig config) {
        this.routes = routes;
        this.backends = backends;
        this.problems = problems;
        this.json = json;
        this.login = new KeycloakLogin(config.keycloakUrl(), config.keycloakRealm());
    }

    @Override
    public void handle(RoutingContext context) {
        String name = context.pathParam("service");
        ServiceRoute route = routes.named(name).orElse(null);
        if (route == null) {
            problems.send(context, ProblemType.NOT_FOUND, "There is no service named '" + name + "'");
            return;
        }
        AtomicBoolean connected = new AtomicBoolean();
        backends.client()
                .request(backends.requestTo(route, HttpMethod.GET, route.basePath() + "/q/openapi?format=json"))
                .compose(request -> {
                    connected.set(true);
                    return request.putHeader(HttpHeaders.ACCEPT, JSON).send();
                })
                .compose(response -> response.body().map(body -> new Fetched(response.statusCode(),
                        response.getHeader(HttpHeaders.CONTENT_TYPE), body)))
                .onSuccess(document -> answer(context, route, document))
                .onFailure(failure -> {
                    LOG.warnf("OpenAPI document of %s unavailable (request %s): %s", route.serviceName(),
                            RequestIds.of(context), failure.toString());
                    Backends.Failure explained = backends.explain(route, failure, connected.get());
                    problems.send(context, explained.problem(), explained.detail(), explained.retryAfterSeconds());
                });
    }

    private void answer(RoutingContext context, ServiceRoute route, Fetched document) {
        Buffer body = document.body();
        String contentType = document.contentType();
        // asked for JSON, but judged by the body: a service (or a proxy in between) may label it loosely
        if (document.status() == 200 && body.length() > 0 && body.getByte(0) == '{') {
            try {
                JsonNode parsed = json.readTree(body.getBytes());
                if (parsed instanceof ObjectNode object) {
                    body = Buffer.buffer(json.writeValueAsBytes(login.addTo(object)));
                    contentType = JSON;
                }
            } catch (IOException unreadable) {
                // still worth showing as the service wrote it
                LOG.debugf("OpenAPI document of %s is not JSON; served unchanged", route.serviceName());
            }
        }
        if (contentType != null) {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        context.response().setStatusCode(document.status()).end(body);
    }

    private record Fetched(int status, String contentType, Buffer body) {
    }
}
