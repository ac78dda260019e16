package vn.secondment.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void theListHoldsEveryProducersTopicAndTheDeadLetterTopicsOnce() {
        assertThat(Topics.all())
                .contains(Topics.PERSONNEL, Topics.ASSIGNMENT, Topics.REPORT)
                .doesNotContain("notification.events")
                .contains("personnel-service.dlq", "assignment-service.dlq", "report-service.dlq",
                        "notification-service.dlq")
                .doesNotHaveDuplicates()
                .allSatisfy(topic -> assertThat(topic).matches("[a-z0-9.-]+"));
    }
}
