package vn.secondment.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * An official's login made by the platform in the real Keycloak: BNV's admin gives it through the gateway, Keycloak
 * holds the user with the officer role and the ministry, its "set your password" e-mail reaches the mail server, the
 * official (password set here through the admin API, as the e-mail's link would) signs in, acts as an officer of
 * BNV and submits a weekly report of their assignment with their own token, and deactivating the official disables
 * the login. A sample user of Bộ Dân tộc và Tôn giáo gets a token.
 */
@Order(7)
@ExtendWith(Platform.Shared.class)
class OfficialLoginIT {

    private static final String PASSWORD = "Mat-khau-2025!";
    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.current();
    }

    @Test
    void anAdminGivesAnOfficialALoginThatSignsInAsTheirMinistrysOfficerUntilDeactivated() throws Exception {
        String gateway = platform.gatewayUrl();
        String admin = platform.tokens().forUser("bnv.admin");
        String email = "thao." + UUID.randomUUID().toString().substring(0, 8) + "@bnv.example.vn";
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"fullName\": \"Nguyễn Phương Thảo\", \"position\": \"Chuyên viên chính\", \"email\": \""
                        + email + "\"}")
            .when().post(gateway + "/api/personnel/officials")
            .then().statusCode(201).extract().path("id");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"kind\": \"OFFICER\"}")
            .when().post(gateway + "/api/personnel/officials/" + id + "/login")
            .then()
                .statusCode(201)
                .body("login.username", equalTo(email))
                .body("login.enabled", equalTo(true));

        String keycloakAdmin = masterAdminToken();
        JsonPath user = keycloakUser(keycloakAdmin, email);
        String userId = user.getString("id");
        assertThat(user.getBoolean("enabled")).isTrue();
        assertThat(user.getBoolean("emailVerified")).isTrue();
        assertThat(user.getList("attributes.ministry", String.class)).containsExactly("BNV");
        assertThat(given().auth().oauth2(keycloakAdmin)
                .get(platform.keycloakUrl() + "/admin/realms/secondment/users/" + userId + "/role-mappings/realm")
                .then().statusCode(200).extract().jsonPath().getList("name", String.class)).contains("officer");

        // Keycloak's own e-mail, through the stack's mail server
        List<String> subjects = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Mailboxes.subjects(URI.create(platform.imapUrl()), email), list -> !list.isEmpty());
        System.out.printf("[e2e] login: Keycloak's e-mail to the official: %s%n", subjects);

        // what the e-mail's link does: the official sets a password
        given().auth().oauth2(keycloakAdmin).contentType(ContentType.JSON)
                .body("{\"type\": \"password\", \"value\": \"" + PASSWORD + "\", \"temporary\": false}")
            .when().put(platform.keycloakUrl() + "/admin/realms/secondment/users/" + userId + "/reset-password")
            .then().statusCode(204);
        String official = passwordGrant(email, PASSWORD, 200);

        // an officer of BNV: sees their own record only, linked by the verified e-mail
        given().auth().oauth2(official)
            .when().get(gateway + "/api/personnel/officials")
            .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].ministryCode", equalTo("BNV"));
        // and not an admin: the 403 names the roles that may
        given().auth().oauth2(official).contentType(ContentType.JSON).body("{}")
            .when().post(gateway + "/api/personnel/officials/" + id + "/login")
            .then().statusCode(403).body("allowedRoles", equalTo(List.of("ministry-admin", "platform-admin")));

        // seconded to Hà Nội for two weeks, the official sends the first week's report with their own token
        submitsTheirWeeklyReport(admin, official, id);

        String etag = given().auth().oauth2(admin).get(gateway + "/api/personnel/officials/" + id).header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\": \"Chuyển công tác\"}")
            .when().post(gateway + "/api/personnel/officials/" + id + "/deactivation")
            .then().statusCode(200).body("active", equalTo(false)).body("login.enabled", equalTo(false));
        assertThat(keycloakUser(keycloakAdmin, email).getBoolean("enabled")).isFalse();
        passwordGrant(email, PASSWORD, 400);
    }

    /**
     * BNV's admin sends the official to Hà Nội (01) for 1–14/9/2025 by a decision of its own; once report-service has
     * the assignment, the official drafts, writes and submits the week 2025-W36 report with the token of the login
     * the platform gave them (late: the week is long past).
     */
    private static void submitsTheirWeeklyReport(String admin, String official, String officialId) {
        String gateway = platform.gatewayUrl();
        String decision = (2000 + new java.util.Random().nextInt(900000)) + "/QĐ-BNV";
        String round = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "Tăng cường công chức về Hà Nội",
                         "decision": {"number": "%s", "date": "2025-08-25", "signer": "Thứ trưởng"},
                         "startDate": "2025-09-01", "endDate": "2025-09-14", "provinceCodes": ["01"]}"""
                        .formatted(decision))
            .when().post(gateway + "/api/assignment/deployments")
            .then().statusCode(201).extract().path("id");
        // the new official reaches assignment-service through personnel-service's events
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(officialId))
                .when().post(gateway + "/api/assignment/deployments/" + round + "/assignments")
                .then().extract().statusCode() == 201);
        String tag = given().auth().oauth2(admin).get(gateway + "/api/assignment/deployments/" + round)
                .then().extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", tag)
            .when().post(gateway + "/api/assignment/deployments/" + round + "/issue")
            .then().statusCode(200);

        String week36 = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(official)
                .queryParam("week", "2025-W36").when().get(gateway + "/api/report/weekly-reports")
                .then().statusCode(200).extract().<String>path("items[0].id"), reportId -> reportId != null);
        String report = gateway + "/api/report/weekly-reports/" + week36;
        String etag = given().auth().oauth2(official).when().get(report)
                .then().statusCode(200).body("provinceCode", equalTo("01")).extract().header("ETag");
        etag = given().auth().oauth2(official).header("If-Match", etag)
            .when().post(report + "/draft")
            .then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(official).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"summary": "Hỗ trợ phường Ba Đình vận hành bộ phận một cửa",
                         "activities": "Làm việc với UBND phường Ba Đình"}""")
            .when().put(report)
            .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(official).header("If-Match", etag)
            .when().post(report + "/submission")
            .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(true));
        System.out.printf("[e2e] login: the official submitted weekly report %s (2025-W36) with their own token%n",
                week36);
    }

    @Test
    void aSampleUserOfTheMinistryOfEthnicAndReligiousAffairsGetsAToken() {
        String token = platform.tokens().forUser("bdttg.officer");
        given().auth().oauth2(token)
            .when().get(platform.gatewayUrl() + "/api/personnel/ministries/BDTTG")
            .then().statusCode(200).body("code", equalTo("BDTTG"));
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new JsonPath(claims).getString("ministry")).isEqualTo("BDTTG");
        assertThat(new JsonPath(claims).getList("realm_access.roles", String.class)).contains("officer");
    }

    private static String masterAdminToken() {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
            .when().post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
            .then().statusCode(200).extract().path("access_token");
    }

    /** The one Keycloak user of that username, as Keycloak's admin API shows it. */
    private static JsonPath keycloakUser(String adminToken, String username) {
        JsonPath users = given().auth().oauth2(adminToken).queryParam("username", username).queryParam("exact", true)
            .when().get(platform.keycloakUrl() + "/admin/realms/secondment/users")
            .then().statusCode(200).extract().jsonPath();
        assertThat(users.getList("$")).as("Keycloak users named " + username).hasSize(1);
        return new JsonPath(given().auth().oauth2(adminToken)
                .get(platform.keycloakUrl() + "/admin/realms/secondment/users/" + users.getString("[0].id"))
                .then().statusCode(200).extract().asString());
    }

    private static String passwordGrant(String username, String password, int expectedStatus) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "secondment-cli")
                .formParam("username", username)
                .formParam("password", password)
            .when().post(platform.keycloakUrl() + "/realms/secondment/protocol/openid-connect/token")
            .then().statusCode(expectedStatus).extract().path("access_token");
    }
}
