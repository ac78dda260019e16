package vn.secondment.report.figures;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.SupportRequestSnapshot;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provinces' support requests, as assignment-service announces them through the real broker, are counted in
 * the side-by-side figures per ministry, province and the week they were filed (in Vietnam), where they stand now:
 * a request filed, then accepted, counts once, as accepted; a redelivered event changes nothing.
 */
@QuarkusTest
@WithRealInfrastructure
class SupportRequestFiguresTest {

    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    /** Wednesday 19/11/2025, 15:30 in Vietnam: week 2025-W47. */
    private static final Instant FILED = Instant.parse("2025-11-19T08:30:00Z");
    /** Sunday 23/11/2025, 23:30 in Vietnam (16:30 UTC): still week 2025-W47 there. */
    private static final Instant LATE_SUNDAY = Instant.parse("2025-11-23T16:30:00Z");

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumersHaveJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void countsEachRequestOnceByTheWeekItWasFiledWhereItStandsNow() {
        // a ministry code of this test alone: other test classes share the database
        String ministry = freshMinistry();
        UUID accepted = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        publish(AssignmentEvents.SUPPORT_REQUEST_FILED, request(accepted, ministry, "24", "URGENT", "OPEN", FILED));
        publish(AssignmentEvents.SUPPORT_REQUEST_ACCEPTED,
                request(accepted, ministry, "24", "URGENT", "ACCEPTED", FILED));
        publish(AssignmentEvents.SUPPORT_REQUEST_FILED, request(declined, ministry, "24", "NORMAL", "OPEN", FILED));
        publish(AssignmentEvents.SUPPORT_REQUEST_DECLINED,
                request(declined, ministry, "24", "NORMAL", "DECLINED", FILED));
        publish(AssignmentEvents.SUPPORT_REQUEST_FILED,
                request(open, ministry, "79", "NORMAL", "OPEN", LATE_SUNDAY));
        // redelivered: the same event id again
        var again = event(AssignmentEvents.SUPPORT_REQUEST_FILED,
                request(open, ministry, "79", "NORMAL", "OPEN", LATE_SUNDAY));
        kafka.publish(Topics.ASSIGNMENT, again);
        kafka.publish(Topics.ASSIGNMENT, again);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Map<String, Integer>> byProvince = requestsByProvince(ministry);
            assertThat(byProvince).containsOnlyKeys("24", "79");
            assertThat(byProvince.get("24")).containsEntry("filed", 2).containsEntry("open", 0)
                    .containsEntry("accepted", 1).containsEntry("declined", 1).containsEntry("urgent", 1);
            assertThat(byProvince.get("79")).containsEntry("filed", 1).containsEntry("open", 1)
                    .containsEntry("accepted", 0);
        });
        System.out.printf("support requests of %s in 2025-W47: %s%n", ministry, requestsByProvince(ministry));
    }

    private void publish(EventType type, SupportRequestSnapshot snapshot) {
        kafka.publish(Topics.ASSIGNMENT, event(type, snapshot));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode event(EventType type,
                                                                        SupportRequestSnapshot snapshot) {
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/assignment-service",
                snapshot.requestId().toString(), snapshot.ministryCode(), Instant.now(), snapshot);
    }

    private static SupportRequestSnapshot request(UUID id, String ministry, String province, String urgency,
                                                  String status, Instant filedAt) {
        return new SupportRequestSnapshot(id, province, ministry, "Hỗ trợ vận hành bộ phận một cửa", List.of(),
                urgency, null, null, status, null, null, null, filedAt);
    }

    /** The request counts of the ministry's rows of 2025-W47, by province. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Integer>> requestsByProvince(String ministry) {
        List<Map<String, Object>> rows = given().auth().oauth2(VIEWER).queryParam("ministry", ministry)
                .queryParam("from", "2025-W47")
                .when().get("/api/report/figures")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        rows.stream().filter(r -> "2025-W47".equals(r.get("week")))
                .forEach(r -> counts.put((String) r.get("provinceCode"), (Map<String, Integer>) r.get("requests")));
        return counts;
    }

    private static String freshMinistry() {
        Random random = new Random();
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }
}
