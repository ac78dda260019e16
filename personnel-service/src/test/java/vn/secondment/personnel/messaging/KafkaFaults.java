package vn.secondment.personnel.messaging;

import vn.secondment.testing.FaultInjection;

import java.util.Map;

/**
 * The application behind fault proxies, with a producer that gives up on a silent connection after 2 s (and sends
 * the batch again, under the same sequence number) and monitors that measure every second and report soon.
 */
public class KafkaFaults extends FaultInjection {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("platform.events.outbox.request-timeout", "2s",
                "platform.events.monitoring.interval", "1s",
                "platform.events.monitoring.outbox-stuck-after", "2s",
                "platform.events.monitoring.broker-unreachable-after", "1s");
    }
}
