package vn.secondment.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessEnvironmentsTest {

    private final Ports ports = Ports.defaults();

    @Test
    void aServiceGetsItsDatabaseKafkaAndTheRealm() {
        Map<String, String> environment =
                ProcessEnvironments.application(ports, PlatformApplication.named("report-service"));

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("QUARKUS_HTTP_PORT", "8083"),
                Map.entry("QUARKUS_MANAGEMENT_PORT", "9183"),
                Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/secondment"),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/report"),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "report"),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", "report"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"),
                Map.entry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms"),
                Map.entry("MALLOC_ARENA_MAX", "2"),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")));
    }

    @Test
    void everyApplicationExportsItsSpansToTheStacksReceiverSoonAndLogsText() {
        Ports free = Ports.free();

        for (PlatformApplication application : PlatformApplication.ALL) {
            assertThat(ProcessEnvironments.application(free, application))
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:" + free.otlp())
                    .containsEntry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms")
                    .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        }
    }

    @Test
    void everyApplicationHasTheMallocArenasOfTheImages() {
        for (PlatformApplication application : PlatformApplication.ALL) {
            assertThat(ProcessEnvironments.application(Ports.free(), application))
                    .containsEntry("MALLOC_ARENA_MAX", "2");
        }
    }

    @Test
    void notificationServiceAlsoGetsTheStacksMailServerWithoutStartTls() {
        Map<String, String> environment =
                ProcessEnvironments.application(ports, PlatformApplication.named("notification-service"));

        assertThat(environment)
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/notification")
                .containsEntry("QUARKUS_MAILER_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MAILER_PORT", "2525")
                .containsEntry("QUARKUS_MAILER_START_TLS", "DISABLED");
        assertThat(PlatformApplication.ALL).filteredOn(PlatformApplication::sendsMail)
                .extracting(PlatformApplication::name).containsExactly("notification-service");
    }

    @Test
    void theMailerFollowsTheStacksSmtpPort() {
        Ports free = Ports.free();

        assertThat(ProcessEnvironments.application(free, PlatformApplication.named("notification-service")))
                .containsEntry("QUARKUS_MAILER_PORT", Integer.toString(free.smtp()));
    }

    @Test
    void theGatewayGetsARouteToEveryServiceAndKeycloakButNoDatabase() {
        Map<String, String> environment =
                ProcessEnvironments.application(ports, PlatformApplication.named("gateway"));

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("QUARKUS_HTTP_PORT", "8080"),
                Map.entry("QUARKUS_MANAGEMENT_PORT", "9180"),
                Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/secondment"),
                Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"),
                Map.entry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms"),
                Map.entry("MALLOC_ARENA_MAX", "2"),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"),
                Map.entry("GATEWAY_ROUTES_PERSONNEL_URL", "http://localhost:8081"),
                Map.entry("GATEWAY_ROUTES_ASSIGNMENT_URL", "http://localhost:8082"),
                Map.entry("GATEWAY_ROUTES_REPORT_URL", "http://localhost:8083"),
                Map.entry("GATEWAY_ROUTES_NOTIFICATION_URL", "http://localhost:8084"),
                Map.entry("GATEWAY_KEYCLOAK_URL", "http://localhost:8180")));
    }

    @Test
    void keycloakUsesItsOwnDatabaseAndAPerStackTransactionLog() {
        StackSettings settings = new StackSettings(Path.of("/p"), Path.of("/p/.platform"), Path.of("/kc"), ports);

        assertThat(ProcessEnvironments.keycloak(settings))
                .containsEntry("KC_DB", "postgres")
                .containsEntry("KC_DB_URL", "jdbc:postgresql://localhost:15432/keycloak")
                .containsEntry("KC_DB_USERNAME", "keycloak")
                .containsEntry("KC_DB_PASSWORD", "keycloak")
                .containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .containsEntry("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .containsEntry("SECONDMENT_WEB_URL", "http://localhost:" + ports.gateway())
                .hasEntrySatisfying("JAVA_OPTS_APPEND",
                        value -> assertThat(value).contains("/p/.platform/keycloak/transaction-logs"));
    }
}
