package vn.secondment.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment of each child process: how Keycloak and the applications find the rest of the stack. */
final class ProcessEnvironments {

    static final String KEYCLOAK_DATABASE = "keycloak";
    /** Where the mail server listens; an address, not {@code localhost}, which may resolve to {@code ::1} first. */
    static final String MAIL_HOST = "127.0.0.1";

    /** The development secret of personnel-service's Keycloak admin client (realm file, personnel-service). */
    static final String PERSONNEL_ADMIN_CLIENT_SECRET = "personnel-service-admin-dev-secret";

    /** glibc's malloc arenas for the applications, with the project's jvm.options (see there). */
    static final String MALLOC_ARENA_MAX = "2";

    /** How long an application's span batch waits before it is exported. */
    static final String OTLP_SCHEDULE_DELAY = "500ms";

    private ProcessEnvironments() {
    }

    static String keycloakUrl(Ports ports) {
        return "http://localhost:" + ports.keycloak();
    }

    static String realmUrl(Ports ports) {
        return keycloakUrl(ports) + "/realms/" + LocalStack.REALM;
    }

    static String serviceUrl(Ports ports, String application) {
        return "http://localhost:" + ports.application(application);
    }

    static String postgresJdbcUrl(Ports ports, String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    static String kafkaBootstrapServers(Ports ports) {
        return "127.0.0.1:" + ports.kafka();
    }

    /** {@code 127.0.0.1:<port>}: the SMTP server notification-service sends to. */
    static String smtpAddress(Ports ports) {
        return MAIL_HOST + ":" + ports.smtp();
    }

    /** {@code imap://localhost:<port>}: where people read the mail (curl, a mail client). */
    static String imapUrl(Ports ports) {
        return "imap://localhost:" + ports.imap();
    }

    /** {@code http://localhost:<port>}: the OTLP/HTTP endpoint; the exporter adds {@code /v1/traces}. */
    static String otlpEndpoint(Ports ports) {
        return "http://localhost:" + ports.otlp();
    }

    static Map<String, String> keycloak(StackSettings settings) {
        Ports ports = settings.ports();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // the install is shared between stacks; its transaction log is not
        environment.put("JAVA_OPTS_APPEND", "-Dquarkus.transaction-manager.object-store.directory="
                + settings.stateDirectory().resolve("keycloak/transaction-logs"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        environment.put("KC_DB", "postgres");
        environment.put("KC_DB_URL", postgresJdbcUrl(ports, KEYCLOAK_DATABASE));
        environment.put("KC_DB_USERNAME", KEYCLOAK_DATABASE);
        environment.put("KC_DB_PASSWORD", KEYCLOAK_DATABASE);
        // the realm file's placeholders: Keycloak's own e-mail (set your password) to the stack's mail server, the
        // secret of personnel-service's admin client, and where the web console runs
        environment.put("SECONDMENT_SMTP_HOST", MAIL_HOST);
        environment.put("SECONDMENT_SMTP_PORT", Integer.toString(ports.smtp()));
        environment.put("PERSONNEL_ADMIN_CLIENT_SECRET", PERSONNEL_ADMIN_CLIENT_SECRET);
        // the web console (and the OpenAPI console) log in from this stack's gateway, whatever its port
        environment.put("SECONDMENT_WEB_URL", "http://localhost:" + ports.gateway());
        return environment;
    }

    /** What one application is started with; everything else comes from its own application.properties. */
    static Map<String, String> application(Ports ports, PlatformApplication application) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(ports.application(application.name())));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.management(application.name())));
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl(ports));
        // spans to the launcher's receiver, half a second after they end (the default 5 s makes ./platform trace wait)
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint(ports));
        environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", OTLP_SCHEDULE_DELAY);
        // jvm.options' companion (as in the images): at most two glibc malloc arenas, not eight per core
        environment.put("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        // the packaged jars run in the prod profile, which logs JSON for containers: the stack's logs stay text
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        application.database().ifPresent(database -> {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgresJdbcUrl(ports, database));
            environment.put("QUARKUS_DATASOURCE_USERNAME", database);
            environment.put("QUARKUS_DATASOURCE_PASSWORD", database); // development only
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers(ports));
        });
        if (application.name().equals("personnel-service")) {
            // officials' logins through Keycloak's admin API (the realm's personnel-service-admin client)
            environment.put("PERSONNEL_KEYCLOAK_ADMIN_URL", keycloakUrl(ports));
            environment.put("PERSONNEL_KEYCLOAK_ADMIN_CLIENT_SECRET", PERSONNEL_ADMIN_CLIENT_SECRET);
        }
        if (application.sendsMail()) {
            environment.put("QUARKUS_MAILER_HOST", MAIL_HOST);
            environment.put("QUARKUS_MAILER_PORT", Integer.toString(ports.smtp()));
            // the stack's mail server speaks plain SMTP only
            environment.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            // a developer's webhook receiver runs on this machine, over http
            environment.put("NOTIFICATION_WEBHOOKS_ALLOWED_TARGETS", "127.0.0.1,localhost");
        }
        if (!application.isService()) {
            for (PlatformApplication service : PlatformApplication.ALL) {
                if (service.isService()) {
                    environment.put(service.gatewayRouteVariable(), serviceUrl(ports, service.name()));
                }
            }
            environment.put("GATEWAY_KEYCLOAK_URL", keycloakUrl(ports));
        }
        return environment;
    }
}
