package vn.secondment.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A test profile whose application reaches PostgreSQL and Kafka through {@link FaultProxy fault proxies}
 * ({@link Faults}, injected with {@link InjectFaults}), on servers of its own: the real infrastructure of
 * {@link WithRealInfrastructure}, started again for the tests of this profile so that no fault reaches other tests.
 * Extend it to add the configuration a fault test needs (shorter timeouts, say).
 */
public class FaultInjection implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealInfrastructureResource.class,
                Map.of(RealInfrastructureResource.BEHIND_FAULT_PROXIES, "true")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
