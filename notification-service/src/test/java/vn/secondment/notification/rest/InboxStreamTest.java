package vn.secondment.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream over real HTTP, fed by events published to the real broker. */
@QuarkusTest
@WithRealInfrastructure
class InboxStreamTest {

    /** Where each instance publishes its committed entries for every instance's streams. */
    private static final String LIVE_TOPIC = "notification.inbox-live";

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    InboxStreams streams;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void pushesANewEntryToTheStreamsOfThoseWhoSeeItOnly() throws Exception {
        try (SseLines bnv = SseLines.open(admin("BNV")); SseLines bct = SseLines.open(admin("BCT"))) {
            bnv.awaitLine(":connected");
            bct.awaitLine(":connected");

            String hoa = InboxEvents.officialRegistered(kafka, "Nguyễn Thị Hoa", "BNV");
            String data = bnv.awaitLineStartingWith("data:", hoa);
            assertThat(data).contains("\"title\":\"Cán bộ mới: Nguyễn Thị Hoa\"").contains("\"read\":false");
            String entryId = TestEvents.JSON.readTree(data.substring("data:".length())).path("id").asText();
            // the SSE frame: id, event name, data, in that order
            int at = bnv.lines().indexOf(data);
            assertThat(bnv.lines().subList(at - 2, at)).containsExactly("id:" + entryId, "event:inbox-entry");

            // BCT's own entry, committed after BNV's: once it arrived, BNV's would have arrived before it
            String giang = InboxEvents.officialRegistered(kafka, "Hoàng Văn Giang", "BCT");
            bct.awaitLineStartingWith("data:", giang);
            assertThat(bct.lines()).noneMatch(line -> line.contains(hoa));
            assertThat(bnv.lines()).noneMatch(line -> line.contains(giang));
        }
    }

    @Test
    void pushesAnEntryThatAnotherInstanceCommittedToTheStreamsHere() throws Exception {
        try (SseLines bnv = SseLines.open(admin("BNV")); SseLines bct = SseLines.open(admin("BCT"))) {
            bnv.awaitLine(":connected");
            bct.awaitLine(":connected");
            // what another instance of the service publishes after its commit: the entry, for BNV's ministry admins
            String entryId = UUID.randomUUID().toString();
            String entry = TestEvents.JSON.writeValueAsString(Map.of("id", entryId,
                    "eventId", UUID.randomUUID().toString(),
                    "eventType", "vn.secondment.personnel.official.registered",
                    "audienceRole", Roles.MINISTRY_ADMIN, "ministry", "BNV",
                    "title", "Cán bộ mới: Đinh Thị Nga", "body", "Đinh Thị Nga (Chuyên viên) đã được thêm.",
                    "createdAt", Instant.now().toString()));
            kafka.publishRaw(LIVE_TOPIC, "inbox", entry);

            String data = bnv.awaitLineStartingWith("data:", entryId);
            assertThat(data).contains("\"title\":\"Cán bộ mới: Đinh Thị Nga\"");
            // a later entry of BCT's, on the same partition: once BCT has it, BNV's went to BCT's stream or not at all
            String giang = InboxEvents.officialRegistered(kafka, "Hoàng Văn Giang", "BCT");
            bct.awaitLineStartingWith("data:", giang);
            assertThat(bct.lines()).noneMatch(line -> line.contains(entryId));
        }
    }

    /**
     * A grouped entry grows in place: each overdue report that joins the group reaches the stream again as the same
     * entry (same id, in the SSE frame too) with its new count and text, so a console updates one line, never adds
     * one per event.
     */
    @Test
    void pushesAGroupedEntryAgainWithTheSameIdEachTimeItGrows() throws Exception {
        String ministry = InboxEvents.freshMinistry();
        String coordinator = TestTokens.user("stream-" + UUID.randomUUID()).roles(Roles.COORDINATOR)
                .ministry(ministry).token();
        try (SseLines stream = SseLines.open(coordinator)) {
            stream.awaitLine(":connected");

            for (int i = 0; i < 3; i++) {
                InboxEvents.weeklyReportOverdue(kafka, ministry, "2025-W39");
            }

            String third = stream.awaitLineStartingWith("data:", "\"count\":3");
            List<JsonNode> pushed = stream.lines().stream().filter(line -> line.startsWith("data:"))
                    .map(InboxStreamTest::data).toList();
            System.out.printf("3 overdue events -> %d pushes, counts %s, ids %s%n", pushed.size(),
                    pushed.stream().map(p -> p.path("count").asInt()).toList(),
                    pushed.stream().map(p -> p.path("id").asText()).distinct().toList());
            JsonNode last = data(third);
            assertThat(pushed).extracting(p -> p.path("id").asText()).containsOnly(last.path("id").asText());
            assertThat(pushed).extracting(p -> p.path("count").asInt()).startsWith(1).endsWith(3).isSorted();
            assertThat(last.path("title").asText()).isEqualTo("3 báo cáo tuần quá hạn — " + ministry + ", tuần 2025-W39");
            assertThat(last.path("titleEn").asText()).isEqualTo("3 weekly reports overdue — " + ministry
                    + ", week 2025-W39");
            assertThat(last.path("link").asText())
                    .isEqualTo("/api/report/weekly-reports?ministry=" + ministry + "&week=2025-W39&overdue=true");
            int at = stream.lines().indexOf(third);
            assertThat(stream.lines().get(at - 2)).isEqualTo("id:" + last.path("id").asText());
        }
    }

    @Test
    void keepsAQuietStreamOpenWithHeartbeatsAndForgetsItOnDisconnect() {
        int before = streams.openStreams();
        SseLines stream = SseLines.open(admin("BNV"));
        stream.awaitLine(":connected");
        assertThat(streams.openStreams()).isEqualTo(before + 1);
        // notification.stream.heartbeat is 1s in tests
        stream.awaitLine(":heartbeat");

        stream.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams() == before);
    }

    @Test
    void refusesAStreamWithoutAToken() {
        given()
            .when().get("/api/notification/inbox/stream")
            .then().statusCode(401);
    }

    /** The JSON of an SSE {@code data:} line. */
    private static JsonNode data(String line) {
        try {
            return TestEvents.JSON.readTree(line.substring("data:".length()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String admin(String ministry) {
        return TestTokens.user("stream-" + UUID.randomUUID()).roles(Roles.MINISTRY_ADMIN).ministry(ministry).token();
    }

    /** The lines of one SSE response, as they arrive; closing it disconnects. */
    static final class SseLines implements Flow.Subscriber<String>, AutoCloseable {

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile Flow.Subscription subscription;

        static SseLines open(String token) {
            SseLines sse = new SseLines();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/api/notification/inbox/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET().build();
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(sse));
            return sse;
        }

        List<String> lines() {
            return lines;
        }

        void awaitLine(String line) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines).contains(line));
        }

        String awaitLineStartingWith(String prefix, String containing) {
            await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream()
                    .anyMatch(line -> line.startsWith(prefix) && line.contains(containing)));
            return lines.stream().filter(line -> line.startsWith(prefix) && line.contains(containing))
                    .findFirst().orElseThrow();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable failure) {
            lines.add("! " + failure);
        }

        @Override
        public void onComplete() {
            lines.add("! complete");
        }

        @Override
        public void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
