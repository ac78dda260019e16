package vn.secondment.stack;

import java.util.List;

/**
 * The topics the platform uses, created when the stack's broker starts (as a cluster operator would declare
 * them), so no consumer waits for a topic to appear. Keep in step with {@code vn.secondment.events.Topics}
 * and the services' dead-letter topics ({@code <service>.dlq}).
 */
final class PlatformTopics {

    static final int PARTITIONS = 3;

    static final List<String> ALL = List.of(
            "personnel.events",
            "assignment.events",
            "report.events",
            "notification.events",
            // notification-service's live streams across its instances
            "notification.inbox-live",
            "personnel-service.dlq", "assignment-service.dlq", "report-service.dlq", "notification-service.dlq");

    private PlatformTopics() {
    }
}
