package vn.secondment.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus, Grafana and the OpenTelemetry collector need from the manifests: a ServiceMonitor per application
 * on its management port, alerts and a dashboard that use only metrics and labels the platform defines, a valid
 * dashboard in a ConfigMap Grafana finds, and every application's traces going to the collector (or off in dev).
 */
class MonitoringTest {

    private static final List<String> APPLICATIONS =
            List.of("personnel-service", "assignment-service", "report-service", "notification-service", "gateway");
    static final Path DASHBOARD = Overlay.ROOT.resolve("k8s/base/monitoring/dashboards/secondment-platform.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationHasAServiceMonitorScrapingQuarkusMetricsOnItsManagementPort(String overlayName) {
        Overlay overlay = Overlay.render(overlayName);
        assertThat(overlay.ofKind("ServiceMonitor")).extracting(Overlay::name).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        List<String> broken = new ArrayList<>();
        for (String application : APPLICATIONS) {
            Map<String, Object> service = named(overlay, "Service", application);
            boolean managementPort = Documents.list(service, "spec", "ports").stream().anyMatch(port ->
                    "management".equals(port.get("name")) && Integer.valueOf(9000).equals(port.get("port"))
                            && "management".equals(port.get("targetPort")));
            require(broken, application, "its Service has the port management (9000)", managementPort);
            Map<String, Object> container = Documents.list(named(overlay, "Deployment", application),
                    "spec", "template", "spec", "containers").get(0);
            require(broken, application, "its container names port 9000 management", Documents.list(container, "ports")
                    .stream().anyMatch(port -> "management".equals(port.get("name")) && Integer.valueOf(9000).equals(port.get("containerPort"))));
            Map<String, Object> monitor = named(overlay, "ServiceMonitor", application);
            Map<String, Object> selector = Documents.map(monitor, "spec", "selector", "matchLabels");
            Map<String, Object> serviceLabels = Documents.map(service, "metadata", "labels");
            require(broken, application, "its ServiceMonitor selects its Service (and only it)", !selector.isEmpty()
                    && selector.entrySet().stream().allMatch(label -> label.getValue().equals(serviceLabels.get(label.getKey())))
                    && overlay.ofKind("Service").stream().filter(other -> selector.entrySet().stream().allMatch(label ->
                    label.getValue().equals(Documents.at(other, "metadata", "labels", label.getKey())))).count() == 1);
            List<Map<String, Object>> endpoints = Documents.list(monitor, "spec", "endpoints");
            require(broken, application, "its ServiceMonitor scrapes /q/metrics on port management", endpoints.size() == 1
                    && "management".equals(endpoints.get(0).get("port")) && "/q/metrics".equals(endpoints.get(0).get("path")));
        }
        assertThat(broken).as(overlayName).isEmpty();
    }

    @Test
    void everyMetricAndLabelTheAlertsAndTheDashboardUseIsOneThePlatformDefines() throws IOException {
        Map<String, Set<String>> defined = PlatformMetrics.series();
        Map<String, String> expressions = new HashMap<>();
        for (Map<String, Object> group : Documents.list(Overlay.render("prod").ofKind("PrometheusRule").get(0), "spec", "groups")) {
            for (Map<String, Object> rule : Documents.list(group, "rules")) {
                expressions.put("alert " + rule.get("alert"), (String) rule.get("expr"));
            }
        }
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put("panel " + panel.path("title").asText() + " " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(40);
        List<String> unknown = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        expressions.forEach((where, expression) -> {
            PromQl.Use use = PromQl.read(expression);
            assertThat(use.metrics()).as(where + ": " + expression).isNotEmpty();
            Set<String> labels = new HashSet<>(PlatformMetrics.TARGET_LABELS);
            for (String metric : use.metrics()) {
                used.add(metric);
                if (defined.containsKey(metric)) {
                    labels.addAll(defined.get(metric));
                } else {
                    unknown.add(where + ": metric " + metric + " is not in platform-metrics.txt");
                }
            }
            use.labels().stream().filter(label -> !labels.contains(label))
                    .forEach(label -> unknown.add(where + ": label " + label + " is not one of its metrics'"));
        });
        assertThat(unknown).isEmpty();
        // what an operator looks at first is on the dashboard or in an alert
        assertThat(used).contains("secondment_outbox_oldest_pending_age_seconds", "secondment_kafka_consumer_lag",
                "secondment_events_dead_lettered_total", "secondment_email_queue_oldest_age_seconds",
                "secondment_webhook_endpoints_disabled", "http_server_requests_seconds_count",
                "secondment_gateway_requests_seconds_count", "secondment_import_rows_total", "jvm_memory_used_bytes", "up");
    }

    @Test
    void theMetricCheckFindsAnUnknownNameAndAnUnknownLabel() {
        PromQl.Use use = PromQl.read("sum by (job, tenant) (rate(secondment_outbox_publishes_total{namespace=\"$namespace\","
                + " route=~\"a|b\"}[$__rate_interval])) / on (job) group_left max(up) > bool 0.5 offset 5m");
        assertThat(use.metrics()).containsExactlyInAnyOrder("secondment_outbox_publishes_total", "up");
        assertThat(use.labels()).containsExactlyInAnyOrder("job", "tenant", "namespace", "route");
        assertThat(PlatformMetrics.series()).doesNotContainKey("secondment_outbox_publishes_total")
                .containsKeys("secondment_outbox_published_total", "secondment_gateway_requests_seconds_count",
                        "secondment_outbox_oldest_pending_age_seconds", "secondment_kafka_consumer_lag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardIsValidGrafanaJsonInAConfigMapGrafanaFinds(String overlayName) throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("secondment-platform");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asText()));
        assertThat(variables).containsExactly("datasource", "namespace");
        List<String> broken = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        int graphs = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            require(broken, title, "a unique id", ids.add(panel.path("id").asInt()));
            JsonNode position = panel.path("gridPos");
            require(broken, title, "a place within 24 columns", position.path("h").asInt() > 0 && position.path("w").asInt() > 0
                    && position.path("x").asInt() + position.path("w").asInt() <= 24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            graphs++;
            require(broken, title, "a description", !panel.path("description").asText().isBlank());
            require(broken, title, "the data source variable", "${datasource}".equals(panel.path("datasource").path("uid").asText()));
            Set<String> references = new HashSet<>();
            require(broken, title, "a query", panel.path("targets").size() > 0);
            for (JsonNode target : panel.path("targets")) {
                require(broken, title, "an expression and a unique refId", !target.path("expr").asText().isBlank()
                        && references.add(target.path("refId").asText()));
                require(broken, title, "the namespace variable in " + target.path("expr").asText(),
                        target.path("expr").asText().contains("namespace=\"$namespace\""));
            }
        }
        assertThat(graphs).isGreaterThan(20);
        assertThat(broken).isEmpty();
        Map<String, Object> configMap = named(Overlay.render(overlayName), "ConfigMap", "grafana-dashboard-secondment");
        assertThat(Documents.map(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        assertThat(JSON.readTree((String) Documents.map(configMap, "data").get("secondment-platform.json"))).isEqualTo(dashboard);
    }

    @Test
    void everyApplicationSendsItsTracesToTheCollectorInProdAndHasTracingOffInDev() {
        for (String overlayName : List.of("dev", "prod")) {
            Overlay overlay = Overlay.render(overlayName);
            for (String application : APPLICATIONS) {
                Map<String, Object> settings = settings(overlay, application);
                assertThat(settings).as(overlayName + " " + application)
                        .containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")
                        // JSON logs come with the prod profile of the images: nothing may turn them off
                        .doesNotContainKeys("QUARKUS_PROFILE", "QUARKUS_LOG_CONSOLE_JSON", "QUARKUS_LOG_CONSOLE_JSON_ENABLED");
                assertThat((String) settings.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")).as(overlayName + " " + application)
                        .startsWith("http://").endsWith(":4318").doesNotContain("localhost", "127.0.0.1");
                Object disabled = settings.get("QUARKUS_OTEL_SDK_DISABLED");
                assertThat(disabled).as(overlayName + " " + application).isEqualTo(overlayName.equals("dev") ? "true" : null);
            }
            // the collector's port is open to the applications' pods
            assertThat(overlay.ofKind("NetworkPolicy")).as(overlayName).anyMatch(policy ->
                    "application".equals(Documents.at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/component"))
                            && Documents.list(policy, "spec", "egress").stream().anyMatch(egress -> Documents.list(egress, "ports")
                            .stream().anyMatch(port -> Integer.valueOf(4318).equals(port.get("port")))));
        }
    }

    /** An application's environment from its ConfigMaps and its own env entries (values only where literal). */
    private static Map<String, Object> settings(Overlay overlay, String application) {
        Map<String, Object> container = Documents.list(named(overlay, "Deployment", application),
                "spec", "template", "spec", "containers").get(0);
        Map<String, Object> settings = new HashMap<>();
        for (Map<String, Object> source : Documents.list(container, "envFrom")) {
            overlay.ofKind("ConfigMap").stream()
                    .filter(map -> Overlay.name(map).equals(Documents.at(source, "configMapRef", "name")))
                    .forEach(map -> settings.putAll(Documents.map(map, "data")));
        }
        for (Map<String, Object> variable : Documents.list(container, "env")) {
            settings.put((String) variable.get("name"), variable.getOrDefault("value", "(from " + variable.get("valueFrom") + ")"));
        }
        return settings;
    }

    private static Map<String, Object> named(Overlay overlay, String kind, String name) {
        return overlay.ofKind(kind).stream().filter(document -> Overlay.name(document).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in overlay " + overlay.name()));
    }

    private static void require(List<String> broken, String name, String rule, boolean holds) {
        if (!holds) {
            broken.add(name + ": " + rule);
        }
    }
}
