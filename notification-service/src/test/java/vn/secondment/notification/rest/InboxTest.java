package vn.secondment.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.NO_CONTENT;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The inbox API on entries made from events published to the real broker. */
@QuarkusTest
@WithRealInfrastructure
class InboxTest {

    private static final String INBOX = "/api/notification/inbox";
    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void eachAdminOfTheMinistryReadsTheSharedEntryForThemselves() {
        String hoa = admin("BNV");
        String lan = admin("BNV");
        String officialId = InboxEvents.officialRegistered(kafka, "Nguyễn Thị Hoa", "BNV");

        awaitEntries(hoa, Map.of("subjectId", officialId), 1);
        String entryId = entry(hoa, officialId).getString("id");
        assertThat(entry(hoa, officialId).getBoolean("read")).isFalse();
        assertThat(entry(lan, officialId).getBoolean("read")).isFalse();
        assertThat(unread(hoa)).isEqualTo(unread(lan));

        given().auth().oauth2(hoa)
            .when().post(INBOX + "/" + entryId + "/read")
            .then().statusCode(NO_CONTENT.getStatusCode());
        String readAt = entry(hoa, officialId).getString("readAt");
        // marking it again changes nothing, not even the time it was read
        given().auth().oauth2(hoa)
            .when().post(INBOX + "/" + entryId + "/read")
            .then().statusCode(NO_CONTENT.getStatusCode());

        JsonPath hoasEntry = entry(hoa, officialId);
        assertThat(hoasEntry.getBoolean("read")).isTrue();
        assertThat(hoasEntry.getString("readAt")).isNotNull().isEqualTo(readAt);
        JsonPath lansEntry = entry(lan, officialId);
        assertThat(lansEntry.getBoolean("read")).isFalse();
        assertThat(lansEntry.getString("readAt")).isNull();
        assertThat(unread(hoa)).isEqualTo(unread(lan) - 1);
    }

    @Test
    void marksEverythingReadOrOnlyWhatTheClientShowed() {
        String ministry = InboxEvents.freshMinistry();
        String admin = admin(ministry);
        InboxEvents.officialRegistered(kafka, "Trần Văn An", ministry);
        InboxEvents.officialRegistered(kafka, "Lê Thị Bích", ministry);
        awaitEntries(admin, Map.of(), 2);
        Instant shown = Instant.parse(list(admin, Map.of()).getString("items[0].createdAt"));
        InboxEvents.officialRegistered(kafka, "Phạm Văn Chí", ministry);
        awaitEntries(admin, Map.of(), 3);
        assertThat(unread(admin)).isEqualTo(3);

        given().auth().oauth2(admin).queryParam("before", shown.toString())
            .when().post(INBOX + "/read-all")
            .then().statusCode(OK.getStatusCode()).body("marked", equalTo(2));
        assertThat(unread(admin)).isEqualTo(1);
        given().auth().oauth2(admin).queryParam("unread", true)
            .when().get(INBOX)
            .then().statusCode(OK.getStatusCode()).body("items.title", containsInAnyOrder("Cán bộ mới: Phạm Văn Chí"));

        given().auth().oauth2(admin)
            .when().post(INBOX + "/read-all")
            .then().statusCode(OK.getStatusCode()).body("marked", equalTo(1));
        given().auth().oauth2(admin)
            .when().post(INBOX + "/read-all")
            .then().statusCode(OK.getStatusCode()).body("marked", equalTo(0));
        assertThat(unread(admin)).isZero();
        // another admin of the same ministry still has all three to read
        assertThat(unread(admin(ministry))).isEqualTo(3);
    }

    @Test
    void filtersByReadStateTypeSubjectAndTime() {
        String ministry = InboxEvents.freshMinistry();
        String admin = admin(ministry);
        String first = InboxEvents.officialRegistered(kafka, "Võ Thị Dung", ministry);
        String second = InboxEvents.officialRegistered(kafka, "Đặng Văn Em", ministry);
        awaitEntries(admin, Map.of(), 2);
        given().auth().oauth2(admin)
            .when().post(INBOX + "/" + entry(admin, first).getString("id") + "/read")
            .then().statusCode(NO_CONTENT.getStatusCode());

        assertThat(subjects(admin, Map.of())).containsExactly(second, first);
        assertThat(subjects(admin, Map.of("unread", "true"))).containsExactly(second);
        assertThat(subjects(admin, Map.of("unread", "false"))).containsExactly(first);
        assertThat(subjects(admin, Map.of("type", "vn.secondment.personnel."))).containsExactly(second, first);
        assertThat(subjects(admin, Map.of("type", "vn.secondment.report."))).isEmpty();
        // the prefix is literal: a LIKE wildcard in it matches nothing
        assertThat(subjects(admin, Map.of("type", "vn.secondment.%"))).isEmpty();
        assertThat(subjects(admin, Map.of("subjectId", second))).containsExactly(second);
        String today = VietnamTime.today(Clock.systemUTC()).toString();
        assertThat(subjects(admin, Map.of("from", today, "to", today))).containsExactly(second, first);
        assertThat(subjects(admin, Map.of("to", VietnamTime.today(Clock.systemUTC()).minusDays(1).toString()))).isEmpty();
        assertThat(subjects(admin, Map.of("from", Instant.now().plusSeconds(60).toString()))).isEmpty();
        Instant secondCreated = Instant.parse(entry(admin, second).getString("createdAt"));
        assertThat(subjects(admin, Map.of("from", secondCreated.toString()))).containsExactly(second);
        assertThat(subjects(admin, Map.of("to", secondCreated.minusNanos(1000).toString()))).containsExactly(first);
    }

    @Test
    void answersNotFoundForAnEntryOutsideTheCallersInbox() {
        String bct = admin("BCT");
        String officialId = InboxEvents.officialRegistered(kafka, "Hoàng Văn Giang", "BCT");
        awaitEntries(bct, Map.of("subjectId", officialId), 1);
        String entryId = entry(bct, officialId).getString("id");

        given().auth().oauth2(admin("BNV"))
            .when().post(INBOX + "/" + entryId + "/read")
            .then().statusCode(NOT_FOUND.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", equalTo("Inbox entry " + entryId + " does not exist"));
        given().auth().oauth2(admin("BNV"))
            .when().post(INBOX + "/" + UUID.randomUUID() + "/read")
            .then().statusCode(NOT_FOUND.getStatusCode());
        // the refused attempt did not mark it for anyone
        assertThat(entry(bct, officialId).getBoolean("read")).isFalse();
    }

    @Test
    void rejectsUnreadableTimesFieldByField() {
        String admin = admin("BNV");
        given().auth().oauth2(admin).queryParam("from", "2025-13-45").queryParam("to", "hôm qua")
            .when().get(INBOX)
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to"))
                .body("violations[0].message", equalTo(InboxFilter.TIME_MESSAGE));
        given().auth().oauth2(admin).queryParam("from", "2025-09-30").queryParam("to", "2025-09-03")
            .when().get(INBOX)
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .body("violations.field", containsInAnyOrder("to"));
        given().auth().oauth2(admin).queryParam("unread", "chưa")
            .when().get(INBOX)
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .body("violations.field", containsInAnyOrder("unread"));
        given().auth().oauth2(admin).queryParam("before", "yesterday")
            .when().post(INBOX + "/read-all")
            .then().statusCode(BAD_REQUEST.getStatusCode())
                .body("violations.field", containsInAnyOrder("before"));
    }

    @Test
    void requiresAToken() {
        given().when().get(INBOX).then().statusCode(UNAUTHORIZED.getStatusCode());
        given().when().get(INBOX + "/unread-count").then().statusCode(UNAUTHORIZED.getStatusCode());
        given().when().post(INBOX + "/" + UUID.randomUUID() + "/read").then().statusCode(UNAUTHORIZED.getStatusCode());
        given().when().post(INBOX + "/read-all").then().statusCode(UNAUTHORIZED.getStatusCode());
        given().when().get(INBOX + "/stream").then().statusCode(UNAUTHORIZED.getStatusCode());
    }

    /** A ministry admin of their own: read state is per user, so each test reads with fresh users. */
    private static String admin(String ministry) {
        return TestTokens.user("admin-" + UUID.randomUUID()).roles(Roles.MINISTRY_ADMIN).ministry(ministry).token();
    }

    private static JsonPath list(String token, Map<String, ?> filters) {
        return given().auth().oauth2(token).queryParams(filters).queryParam("size", 100)
            .when().get(INBOX)
            .then().statusCode(OK.getStatusCode())
            .extract().jsonPath();
    }

    private static List<String> subjects(String token, Map<String, ?> filters) {
        return list(token, filters).getList("items.subjectId");
    }

    private static JsonPath entry(String token, String subjectId) {
        JsonPath page = list(token, Map.of("subjectId", subjectId));
        assertThat(page.getList("items")).hasSize(1);
        return page.setRootPath("items[0]");
    }

    private static long unread(String token) {
        return given().auth().oauth2(token)
            .when().get(INBOX + "/unread-count")
            .then().statusCode(OK.getStatusCode()).body("unread", notNullValue())
            .extract().jsonPath().getLong("unread");
    }

    private static void awaitEntries(String token, Map<String, ?> filters, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(token).queryParams(filters)
            .when()
                .get(INBOX)
            .then()
                .statusCode(OK.getStatusCode())
                .body("totalItems", equalTo(count)));
    }
}
