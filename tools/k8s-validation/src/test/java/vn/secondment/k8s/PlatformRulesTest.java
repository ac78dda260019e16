package vn.secondment.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's rules for its Kubernetes manifests, on what both overlays render. */
class PlatformRulesTest {

    private static final List<String> APPLICATIONS =
            List.of("personnel-service", "assignment-service", "report-service", "notification-service", "gateway");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("localhost|127\\.0\\.0\\.1");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationContainerHasProbesResourcesAndTheRestrictedSecurityContext(String overlayName) {
        Overlay overlay = Overlay.render(overlayName);
        assertThat(overlay.ofKind("Deployment")).extracting(Overlay::name).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> deployment : overlay.ofKind("Deployment")) {
            String name = Overlay.name(deployment);
            Map<String, Object> pod = Documents.map(deployment, "spec", "template", "spec");
            require(broken, name, "no service account token", Boolean.FALSE.equals(pod.get("automountServiceAccountToken")));
            require(broken, name, "pod seccomp RuntimeDefault",
                    "RuntimeDefault".equals(Documents.at(pod, "securityContext", "seccompProfile", "type")));
            require(broken, name, "pod runs as non-root", Boolean.TRUE.equals(Documents.at(pod, "securityContext", "runAsNonRoot")));
            Map<String, Object> serviceAccount = overlay.ofKind("ServiceAccount").stream()
                    .filter(account -> Overlay.name(account).equals(pod.get("serviceAccountName"))).findFirst().orElse(Map.of());
            require(broken, name, "its own service account without token automount",
                    Boolean.FALSE.equals(serviceAccount.get("automountServiceAccountToken")));
            for (Map<String, Object> container : Documents.list(pod, "containers")) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    Object path = Documents.at(container, probe, "httpGet", "path");
                    require(broken, name, probe + " on /q/health", path instanceof String p && p.startsWith("/q/health"));
                    require(broken, name, probe + " on the management port",
                            "management".equals(Documents.at(container, probe, "httpGet", "port")));
                }
                require(broken, name, "cpu and memory requests", Documents.at(container, "resources", "requests", "cpu") != null
                        && Documents.at(container, "resources", "requests", "memory") != null);
                require(broken, name, "a memory limit", Documents.at(container, "resources", "limits", "memory") != null);
                Map<String, Object> security = Documents.map(container, "securityContext");
                require(broken, name, "no privilege escalation", Boolean.FALSE.equals(security.get("allowPrivilegeEscalation")));
                require(broken, name, "read-only root filesystem", Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")));
                require(broken, name, "all capabilities dropped",
                        List.of("ALL").equals(Documents.at(security, "capabilities", "drop")));
                boolean tmp = Documents.list(container, "volumeMounts").stream().anyMatch(mount -> "/tmp".equals(mount.get("mountPath"))
                        && Documents.list(pod, "volumes").stream().anyMatch(volume -> volume.get("name").equals(mount.get("name"))
                        && volume.containsKey("emptyDir")));
                require(broken, name, "/tmp on an emptyDir", tmp);
            }
        }
        // health and metrics are for Prometheus only: no Ingress routes to a management port, and the only policy
        // admitting port 9000 admits the monitoring namespace
        for (Map<String, Object> ingress : overlay.ofKind("Ingress")) {
            for (Map<String, Object> rule : Documents.list(ingress, "spec", "rules")) {
                for (Map<String, Object> path : Documents.list(rule, "http", "paths")) {
                    Map<String, Object> port = Documents.map(path, "backend", "service", "port");
                    require(broken, Overlay.name(ingress), "no route to a management port",
                            !"management".equals(port.get("name")) && !Integer.valueOf(9000).equals(port.get("number")));
                }
            }
        }
        for (Map<String, Object> policy : overlay.ofKind("NetworkPolicy")) {
            for (Map<String, Object> ingress : Documents.list(policy, "spec", "ingress")) {
                boolean management = Documents.list(ingress, "ports").stream()
                        .anyMatch(port -> List.of("management", 9000).contains(port.get("port")));
                if (management) {
                    require(broken, Overlay.name(policy), "port 9000 admitted from the monitoring namespace only",
                            !Documents.list(ingress, "from").isEmpty() && Documents.list(ingress, "from").stream()
                                    .allMatch(peer -> "monitoring".equals(Documents.at(peer, "namespaceSelector",
                                            "matchLabels", "kubernetes.io/metadata.name")) && !peer.containsKey("podSelector")));
                }
            }
        }
        assertThat(broken).as(overlayName).isEmpty();
    }

    /**
     * The JVM settings are set once, in the project's jvm.options: every image copies it and starts java with it
     * (and MALLOC_ARENA_MAX, its companion); neither overlay nor docker-compose.yml sets JVM options of its own
     * (JAVA_OPTS_APPEND stays an operator's override, empty by default).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationRunsWithTheProjectsJvmSettings(String overlayName) throws IOException {
        assertThat(Overlay.ROOT.resolve("jvm.options")).content().contains("-XX:+UseSerialGC", "-Xmx");
        for (String application : APPLICATIONS) {
            String image = Files.readString(Overlay.ROOT.resolve(application).resolve("src/main/docker/Dockerfile.jvm"));
            assertThat(image).as(application)
                    .contains("target/jvm.options /deployments/", "exec java @/deployments/jvm.options ",
                            "MALLOC_ARENA_MAX=2")
                    .doesNotContain("-Xmx", "MaxRAMPercentage");
            assertThat(Files.readAllLines(Overlay.ROOT.resolve(application).resolve(".dockerignore")))
                    .as(application).contains("!target/jvm.options");
        }
        for (Map<String, Object> deployment : Overlay.render(overlayName).ofKind("Deployment")) {
            for (Map<String, Object> container : Documents.list(deployment, "spec", "template", "spec", "containers")) {
                assertThat(Documents.list(container, "env")).extracting(variable -> variable.get("name"))
                        .as(Overlay.name(deployment)).doesNotContain("JAVA_OPTS", "JAVA_OPTS_APPEND", "JDK_JAVA_OPTIONS");
            }
        }
        assertThat(Files.readString(Overlay.ROOT.resolve("docker-compose.yml")))
                .doesNotContainPattern("JAVA_OPTS(_APPEND)?: *-X");
    }

    @Test
    void everyProductionApplicationRunsTwiceOnDifferentNodesWithADisruptionBudget() {
        Overlay prod = Overlay.render("prod");
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> deployment : prod.ofKind("Deployment")) {
            String name = Overlay.name(deployment);
            Map<String, Object> podLabels = Documents.map(deployment, "spec", "template", "metadata", "labels");
            require(broken, name, "2 or more replicas", ((Number) Documents.at(deployment, "spec", "replicas")).intValue() >= 2);
            require(broken, name, "a PodDisruptionBudget", prod.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(budget -> selects(Documents.map(budget, "spec", "selector"), podLabels)));
            require(broken, name, "spread over nodes", Documents.list(deployment, "spec", "template", "spec",
                    "topologySpreadConstraints").stream().anyMatch(spread -> "kubernetes.io/hostname".equals(spread.get("topologyKey"))));
        }
        assertThat(broken).isEmpty();
        assertThat(prod.ofKind("HorizontalPodAutoscaler")).extracting(hpa -> Documents.at(hpa, "spec", "scaleTargetRef", "name"))
                .contains("gateway", "report-service", "assignment-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationPodIsDeniedByDefaultAndLetInOnlyByAPolicyOfItsOwn(String overlayName) {
        Overlay overlay = Overlay.render(overlayName);
        List<Map<String, Object>> policies = overlay.ofKind("NetworkPolicy");
        assertThat(policies).anyMatch(policy -> Documents.map(policy, "spec", "podSelector").isEmpty()
                && Documents.list(policy, "spec", "ingress").isEmpty() && Documents.list(policy, "spec", "egress").isEmpty());
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> deployment : overlay.ofKind("Deployment")) {
            Map<String, Object> podLabels = Documents.map(deployment, "spec", "template", "metadata", "labels");
            boolean letIn = policies.stream().anyMatch(policy -> !Documents.map(policy, "spec", "podSelector").isEmpty()
                    && selects(Documents.map(policy, "spec", "podSelector"), podLabels)
                    && !Documents.list(policy, "spec", "ingress").isEmpty());
            require(broken, Overlay.name(deployment), "a NetworkPolicy letting traffic in", letIn);
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfThePlatformIsAKafkaTopicAndEveryTopicAnApplicationUsesIsOne(String overlayName) throws IOException {
        Set<String> declared = Overlay.render(overlayName).ofKind("KafkaTopic").stream()
                .map(topic -> (String) Documents.at(topic, "spec", "topicName")).collect(Collectors.toSet());
        Set<String> listed = Files.readAllLines(Overlay.ROOT.resolve("libs/events/src/main/resources/vn/secondment/events/topics.txt"))
                .stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());
        assertThat(declared).isEqualTo(listed);
        Set<String> used = new TreeSet<>();
        for (String application : APPLICATIONS) {
            properties(application).forEach((key, value) -> {
                if (key.toString().endsWith(".topic")) {
                    used.add(value.toString());
                }
            });
        }
        assertThat(declared).containsAll(used);
    }

    @Test
    void eachServiceMayWriteOnlyItsOwnTopicsAndReadOnlyWhatItConsumes() throws IOException {
        Overlay overlay = Overlay.render("prod");
        for (String service : APPLICATIONS.subList(0, 4)) {
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            properties(service).forEach((key, value) -> {
                String name = key.toString();
                if (name.equals("platform.events.outbox.topic")
                        || name.matches("mp\\.messaging\\.(incoming\\.[^.]+\\.dead-letter-queue|outgoing\\.[^.]+)\\.topic")) {
                    writes.add(value.toString());
                } else if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    reads.add(value.toString());
                }
            });
            Map<String, Object> user = overlay.ofKind("KafkaUser").stream()
                    .filter(candidate -> Overlay.name(candidate).equals(service)).findFirst().orElseThrow(
                            () -> new AssertionError("no KafkaUser " + service));
            List<Map<String, Object>> acls = Documents.list(user, "spec", "authorization", "acls");
            assertThat(topicsAllowed(acls, "Read")).as(service + " reads").isEqualTo(reads);
            assertThat(topicsAllowed(acls, "Write")).as(service + " writes").isEqualTo(writes);
            assertThat(acls).as(service + " groups").allMatch(acl -> !"group".equals(Documents.at(acl, "resource", "type"))
                    || service.equals(Documents.at(acl, "resource", "name")));
            assertThat(Documents.at(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
        }
        assertThat(Documents.at(overlay.ofKind("Kafka").get(0), "spec", "kafka", "listeners", 0, "authentication", "type"))
                .isEqualTo("scram-sha-512");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceLogsInToKafkaAsItsOwnUser(String overlayName) {
        Overlay overlay = Overlay.render(overlayName);
        for (String service : APPLICATIONS.subList(0, 4)) {
            Map<String, Object> deployment = overlay.ofKind("Deployment").stream()
                    .filter(candidate -> Overlay.name(candidate).equals(service)).findFirst().orElseThrow();
            Map<String, Object> container = Documents.list(deployment, "spec", "template", "spec", "containers").get(0);
            Map<String, Object> settings = new java.util.HashMap<>();
            for (Map<String, Object> source : Documents.list(container, "envFrom")) {
                overlay.ofKind("ConfigMap").stream()
                        .filter(map -> Overlay.name(map).equals(Documents.at(source, "configMapRef", "name")))
                        .forEach(map -> settings.putAll(Documents.map(map, "data")));
            }
            assertThat(settings).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            Map<String, Object> jaas = Documents.list(container, "env").stream()
                    .filter(variable -> "KAFKA_SASL_JAAS_CONFIG".equals(variable.get("name"))).findFirst().orElse(Map.of());
            // the Secret Strimzi's User Operator writes for the service's own KafkaUser
            assertThat(Documents.at(jaas, "valueFrom", "secretKeyRef", "name")).as(service).isEqualTo(service);
            assertThat(Documents.at(jaas, "valueFrom", "secretKeyRef", "key")).as(service).isEqualTo("sasl.jaas.config");
        }
    }

    private static Set<String> topicsAllowed(List<Map<String, Object>> acls, String operation) {
        return acls.stream()
                .filter(acl -> "topic".equals(Documents.at(acl, "resource", "type"))
                        && ((List<?>) acl.get("operations")).contains(operation))
                .map(acl -> (String) Documents.at(acl, "resource", "name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingWithALocalDefaultIsSetAndEveryPasswordComesFromASecret(String overlayName) throws IOException {
        Overlay overlay = Overlay.render(overlayName);
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> deployment : overlay.ofKind("Deployment")) {
            String name = Overlay.name(deployment);
            Map<String, Object> container = Documents.list(deployment, "spec", "template", "spec", "containers").get(0);
            Set<String> fromConfigMaps = new HashSet<>();
            for (Map<String, Object> source : Documents.list(container, "envFrom")) {
                Object configMap = Documents.at(source, "configMapRef", "name");
                overlay.ofKind("ConfigMap").stream().filter(map -> Overlay.name(map).equals(configMap))
                        .forEach(map -> fromConfigMaps.addAll(Documents.map(map, "data").keySet()));
            }
            Map<String, Map<String, Object>> env = Documents.list(container, "env").stream()
                    .collect(Collectors.toMap(variable -> (String) variable.get("name"), variable -> variable));
            Properties properties = properties(name);
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue;
                }
                String variable = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
                boolean secret = key.endsWith(".password") || key.contains("secret");
                if (secret) {
                    require(broken, name, variable + " from a Secret",
                            Documents.at(env.get(variable), "valueFrom", "secretKeyRef", "name") != null);
                } else if (LOCAL_ADDRESS.matcher(properties.getProperty(key)).find()) {
                    require(broken, name, variable + " set (its default " + properties.getProperty(key) + " is local)",
                            fromConfigMaps.contains(variable) || env.containsKey(variable));
                }
            }
        }
        for (Map<String, Object> configMap : overlay.ofKind("ConfigMap")) {
            Documents.map(configMap, "data").forEach((key, value) -> require(broken, Overlay.name(configMap),
                    key + " is not a secret", !key.matches(".*(PASSWORD|SECRET).*")
                            || value.toString().isEmpty()));
        }
        assertThat(broken).as(overlayName).isEmpty();
    }

    private static void require(List<String> broken, String name, String rule, boolean holds) {
        if (!holds) {
            broken.add(name + ": " + rule);
        }
    }

    /** A label selector (matchLabels, matchExpressions with In/NotIn/Exists) against a pod's labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        boolean matchLabels = Documents.map(selector, "matchLabels").entrySet().stream()
                .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
        boolean matchExpressions = Documents.list(selector, "matchExpressions").stream().allMatch(expression -> {
            Object value = labels.get(expression.get("key"));
            List<?> values = (List<?>) expression.getOrDefault("values", List.of());
            return switch ((String) expression.get("operator")) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                default -> value == null;
            };
        });
        return matchLabels && matchExpressions;
    }

    private static Properties properties(String application) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Overlay.ROOT.resolve(application)
                .resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
