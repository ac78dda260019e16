package vn.secondment.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * docker-compose.yml running for real, tried through its published ports only (the gateway, Keycloak, the mail
 * reader): a token from Keycloak is accepted by the gateway and every service behind it, an official created through
 * the gateway reaches the ministry admins' inbox and mailbox, and after {@code down} and {@code up} (volumes kept) the
 * official and the inbox entry are still there, once. Run by {@code ./platform compose-smoke}, which builds the images
 * and gives the file its variables; skipped in the ordinary build.
 */
@EnabledIfSystemProperty(named = "compose.smoke", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeSmokeIT {

    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(8);
    private static final String GATEWAY = "http://localhost:" + variable("GATEWAY_PORT", "8080");
    private static final String KEYCLOAK = variable("KEYCLOAK_PUBLIC_URL", "http://localhost:8180");
    private static final URI IMAP = URI.create("imap://localhost:" + variable("MAIL_IMAP_PORT", "3143"));
    private static final String ADMIN_MAILBOX = "bnv.admin@secondment.local";

    private static ComposeProject compose;
    private static KeycloakTokens tokens;
    private static String officialId;

    @BeforeAll
    static void up() {
        compose = new ComposeProject(System.getProperty("compose.project", "secondment"),
                Path.of(System.getProperty("compose.file", "../docker-compose.yml")),
                System.getProperty("compose.engine", "docker"));
        report("first up, to every container healthy", compose.upAndAwaitHealthy(HEALTHY_WITHIN));
        tokens = new KeycloakTokens(KEYCLOAK);
    }

    @Test
    @Order(1)
    void aTokenFromKeycloakIsAcceptedByTheGatewayAndEveryService() {
        String token = tokens.forUser("bnv.admin");
        assertThat(claim(token, "iss")).isEqualTo(KEYCLOAK + "/realms/secondment");

        given().when().get(GATEWAY + "/api/personnel/ministries").then().statusCode(401);
        given().auth().oauth2(token).when().get(GATEWAY + "/api/personnel/ministries")
                .then().statusCode(200).body("code", hasItem("BNV"));
        given().auth().oauth2(token).when().get(GATEWAY + "/api/assignment/provinces")
                .then().statusCode(200).body("$", hasSize(34));
        given().auth().oauth2(token).queryParam("ministry", "BNV").when().get(GATEWAY + "/api/report/weekly-reports")
                .then().statusCode(200);
        given().auth().oauth2(token).when().get(GATEWAY + "/api/notification/inbox")
                .then().statusCode(200);

        // another ministry's system, client credentials: the same issuer, accepted too
        String system = tokens.forClient("bct-system", "bct-system-dev-secret");
        assertThat(claim(system, "iss")).isEqualTo(KEYCLOAK + "/realms/secondment");
        given().auth().oauth2(system).when().get(GATEWAY + "/api/personnel/ministries").then().statusCode(200);
    }

    @Test
    @Order(2)
    void anOfficialCreatedThroughTheGatewayReachesTheAdminsInboxAndTheirMailbox() {
        String token = tokens.forUser("bnv.admin");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\": true}")
                .when().put(GATEWAY + "/api/notification/subscriptions/me")
                .then().statusCode(200).body("email", equalTo(true));

        long begin = System.nanoTime();
        officialId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"fullName\": \"Nguyễn Thị Hoa\", \"position\": \"Phó Vụ trưởng\", \"email\": \"compose."
                        + UUID.randomUUID().toString().substring(0, 8) + "@bnv.gov.vn\"}")
                .when().post(GATEWAY + "/api/personnel/officials")
                .then().statusCode(201).body("ministryCode", equalTo("BNV"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).when().get(GATEWAY + "/api/notification/inbox")
                        .then().statusCode(200).body("items.subjectId", hasItem(officialId)));
        report("official created -> inbox entry", Duration.ofNanos(System.nanoTime() - begin));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() ->
                assertThat(Mailboxes.subjects(IMAP, ADMIN_MAILBOX)).anyMatch(subject -> subject.contains("Nguyễn Thị Hoa")));
        report("official created -> e-mail in " + ADMIN_MAILBOX, Duration.ofNanos(System.nanoTime() - begin));
    }

    @Test
    @Order(3)
    void theOfficialAndTheInboxEntryAreStillThereOnceAfterDownAndUp() {
        assertThat(officialId).as("the official of the previous test").isNotNull();
        compose.down();
        report("second up (volumes kept), to every container healthy", compose.upAndAwaitHealthy(HEALTHY_WITHIN));

        String token = tokens.forUser("bnv.admin");
        given().auth().oauth2(token).when().get(GATEWAY + "/api/personnel/officials/" + officialId)
                .then().statusCode(200).body("fullName", equalTo("Nguyễn Thị Hoa"));
        List<String> subjects = given().auth().oauth2(token).when().get(GATEWAY + "/api/notification/inbox")
                .then().statusCode(200).extract().path("items.subjectId");
        // once: the consumer started again from its committed offsets, and the outbox did not publish again
        assertThat(subjects).containsOnlyOnce(officialId);
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Map<String, Object> claims = io.restassured.path.json.JsonPath.from(payload).getMap("$");
        return String.valueOf(claims.get(name));
    }

    private static String variable(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()).orElse(fallback);
    }

    private static void report(String what, Duration took) {
        System.out.printf("[compose-smoke] %s: %.1f s%n", what, took.toMillis() / 1000.0);
    }
}
