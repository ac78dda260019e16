package vn.secondment.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.util.Map;
import java.util.Optional;

/**
 * A built-in document read strictly as the Kubernetes model of fabric8 7.4 (the API of Kubernetes 1.33): an unknown
 * field or a wrong type fails, where the model's catch-all "additional properties" would otherwise swallow them.
 * The Prometheus Operator's ServiceMonitor and PrometheusRule are read the same way, as fabric8's model of
 * monitoring.coreos.com/v1 (generated from the operator's API types): no package reachable here ships the operator's
 * CRD files for {@link CrdSchema}. The rules' expressions are checked by promtool (PrometheusRulesTest).
 */
final class KubernetesSchema {

    /** The kinds the manifests may use, by apiVersion/kind; anything else is refused. */
    private static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE; // no catch-all: unknown fields must fail
                }
            });

    private KubernetesSchema() {
    }

    static boolean knows(String apiVersion, String kind) {
        return KINDS.containsKey(apiVersion + "/" + kind);
    }

    /** Why the document is not a valid object of its kind, or empty. */
    static Optional<String> violation(Map<String, Object> document) {
        Class<?> type = KINDS.get(document.get("apiVersion") + "/" + document.get("kind"));
        if (type == null) {
            return Optional.of("not a kind these manifests may use");
        }
        try {
            STRICT.convertValue(document, type);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }
}
