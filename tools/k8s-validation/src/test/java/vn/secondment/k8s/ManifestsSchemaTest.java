package vn.secondment.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both overlays render, and every document is valid: built-in kinds strictly, custom resources against their CRD. */
class ManifestsSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedDocumentIsValidForItsKind(String overlayName) {
        Overlay overlay = Overlay.render(overlayName);
        assertThat(overlay.documents()).hasSizeGreaterThan(40);
        List<String> invalid = new ArrayList<>();
        for (Map<String, Object> document : overlay.documents()) {
            String apiVersion = (String) document.get("apiVersion");
            String kind = (String) document.get("kind");
            String where = kind + " " + Overlay.name(document) + ": ";
            if (KubernetesSchema.knows(apiVersion, kind)) {
                KubernetesSchema.violation(document).ifPresent(violation -> invalid.add(where + violation));
            } else if (CrdSchema.knows(apiVersion, kind)) {
                CrdSchema.violations(document).forEach(violation -> invalid.add(where + violation));
            } else {
                invalid.add(where + apiVersion + " is neither a built-in kind of these manifests nor an operator's");
            }
        }
        assertThat(invalid).as(overlayName).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCheckersRefuseAnUnknownFieldAndAWrongType(String overlayName) {
        Map<String, Object> deployment = new java.util.HashMap<>(Overlay.render(overlayName).ofKind("Deployment").get(0));
        deployment.put("spec", Map.of("replicas", "two", "selector", Map.of()));
        assertThat(KubernetesSchema.violation(deployment)).isPresent();
        Map<String, Object> topic = new java.util.HashMap<>(Overlay.render(overlayName).ofKind("KafkaTopic").get(0));
        topic.put("spec", Map.of("partitions", 3, "retentionDays", 30));
        assertThat(CrdSchema.violations(topic)).anyMatch(violation -> violation.contains("unknown field retentionDays"));
        Map<String, Object> monitor = new java.util.HashMap<>(Overlay.render(overlayName).ofKind("ServiceMonitor").get(0));
        monitor.put("spec", Map.of("endpoints", List.of(Map.of("port", "management", "scrapeEvery", "30s"))));
        assertThat(KubernetesSchema.violation(monitor)).hasValueSatisfying(violation -> assertThat(violation).contains("scrapeEvery"));
        Map<String, Object> rule = new java.util.HashMap<>(Overlay.render(overlayName).ofKind("PrometheusRule").get(0));
        rule.put("spec", Map.of("groups", List.of(Map.of("name", "g", "rules", "not a list"))));
        assertThat(KubernetesSchema.violation(rule)).isPresent();
    }
}
