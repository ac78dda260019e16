package vn.secondment.stack;

import vn.secondment.embedded.FreePorts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The TCP ports of one local stack.
 *
 * @param gateway             the gateway, the single entry point for clients
 * @param personnelService    personnel-service
 * @param assignmentService   assignment-service
 * @param reportService       report-service
 * @param notificationService notification-service
 * @param keycloak            Keycloak's HTTP port (login, tokens, admin console)
 * @param keycloakManagement  Keycloak's management port ({@code /health/ready}); not 9000, which clashes too easily
 * @param postgres            PostgreSQL
 * @param kafka               the Kafka broker (PLAINTEXT listener)
 * @param kafkaController     the Kafka KRaft controller listener
 * @param smtp                the mail server's SMTP port, where notification-service sends its e-mail (no login)
 * @param imap                the mail server's IMAP port, to read that e-mail (login = password = the address)
 * @param otlp                the launcher's OTLP/HTTP trace receiver, where the applications export their spans
 * @param management          each application's management port (health, metrics), by module name, in start order
 */
public record Ports(int gateway, int personnelService, int assignmentService, int reportService,
                    int notificationService, int keycloak, int keycloakManagement, int postgres, int kafka,
                    int kafkaController, int smtp, int imap, int otlp, Map<String, Integer> management) {

    /** How many ports a stack needs: {@link #free()} finds this many distinct ones. */
    static final int COUNT = 13 + PlatformApplication.ALL.size();

    public Ports {
        management = Collections.unmodifiableMap(new LinkedHashMap<>(management));
        if (!management.keySet().equals(Set.copyOf(PlatformApplication.names()))) {
            throw new IllegalArgumentException("One management port per application is needed: "
                    + PlatformApplication.names() + ", not " + management.keySet());
        }
    }

    /**
     * The fixed ports of the developer stack started by {@code ./platform up}. SMTP 2525 is notification-service's
     * default {@code quarkus.mailer.port}, and OTLP 4318 the applications' default
     * {@code quarkus.otel.exporter.otlp.endpoint}: a service started by hand next to {@code ./platform up --infra}
     * points at both.
     */
    public static Ports defaults() {
        Map<String, Integer> management = new LinkedHashMap<>();
        management.put("personnel-service", 9181);
        management.put("assignment-service", 9182);
        management.put("report-service", 9183);
        management.put("notification-service", 9184);
        management.put("gateway", 9180);
        return new Ports(8080, 8081, 8082, 8083, 8084, 8180, 9190, 15432, 9092, 9093, 2525, 3143, 4318, management);
    }

    /** Distinct ports that were free a moment ago, for stacks started by tests next to a developer stack. */
    public static Ports free() {
        // FreePorts.find() closes its socket, so the same port can come back twice: collect until distinct
        Set<Integer> distinct = new LinkedHashSet<>();
        while (distinct.size() < COUNT) {
            distinct.add(FreePorts.find());
        }
        int[] p = distinct.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Integer> management = new LinkedHashMap<>();
        int next = 13;
        for (String application : PlatformApplication.names()) {
            management.put(application, p[next++]);
        }
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12],
                management);
    }

    /** The management port (health, metrics) of one of the five applications, by module name. */
    public int management(String name) {
        Integer port = management.get(name);
        if (port == null) {
            throw new IllegalArgumentException("Unknown application '" + name + "'; known: "
                    + PlatformApplication.names());
        }
        return port;
    }

    /** The port of one of the five applications, by module name (for example {@code "personnel-service"}). */
    public int application(String name) {
        return switch (name) {
            case "gateway" -> gateway;
            case "personnel-service" -> personnelService;
            case "assignment-service" -> assignmentService;
            case "report-service" -> reportService;
            case "notification-service" -> notificationService;
            default -> throw new IllegalArgumentException("Unknown application '" + name + "'; known: "
                    + PlatformApplication.names());
        };
    }

    /** The infrastructure's ports, keyed by a label that names the component needing them. */
    public Map<String, Integer> infrastructure() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgres);
        ports.put("Kafka", kafka);
        ports.put("Kafka controller", kafkaController);
        ports.put("Keycloak", keycloak);
        ports.put("Keycloak management", keycloakManagement);
        ports.put("Mail SMTP", smtp);
        ports.put("Mail IMAP", imap);
        ports.put("OTLP trace receiver", otlp);
        return ports;
    }

    /** The applications' ports, keyed by module name, in start order. */
    public Map<String, Integer> applications() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (PlatformApplication application : PlatformApplication.ALL) {
            ports.put(application.name(), application(application.name()));
        }
        return ports;
    }
}
