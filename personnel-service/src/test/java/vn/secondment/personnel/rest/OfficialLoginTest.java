package vn.secondment.personnel.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.secondment.personnel.service.LoginService;
import vn.secondment.personnel.support.FakeKeycloakAdmin;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_COORDINATOR;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.UNITS;
import static vn.secondment.personnel.support.Directory.officer;
import static vn.secondment.personnel.support.Directory.officialFields;
import static vn.secondment.personnel.support.Directory.register;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/**
 * Officials' logins: who may give one, what the Keycloak user gets, 400/409/503, the view, and the login disabled
 * with its official, against PostgreSQL, Kafka and a fake of Keycloak's admin API.
 */
@QuarkusTest
@WithRealInfrastructure
@WithTestResource(FakeKeycloakAdmin.class)
class OfficialLoginTest {

    @Inject
    AgroalDataSource database;
    @Inject
    LoginService logins;

    @AfterEach
    void keycloakBack() {
        FakeKeycloakAdmin.down = false;
    }

    @Test
    void anAdminGivesAnOfficialALoginWithTheOfficerRoleTheMinistryAndTheSetPasswordEmail() {
        String email = uniqueEmail("Hoa.NT");
        String id = register(BNV_ADMIN, "Nguyễn Thị Hoa", email);
        String username = email.toLowerCase(Locale.ROOT);

        given()
                .auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"OFFICER\"}")
            .when()
                .post(OFFICIALS + "/" + id + "/login")
            .then()
                .statusCode(201)
                .body("login.username", equalTo(username))
                .body("login.role", equalTo(Roles.OFFICER))
                .body("login.enabled", equalTo(true))
                .body("login.createdAt", notNullValue());

        var user = FakeKeycloakAdmin.userNamed(username);
        assertThat(user.path("email").asText()).isEqualTo(username);
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("firstName").asText()).isEqualTo("Thị Hoa");
        assertThat(user.path("lastName").asText()).isEqualTo("Nguyễn");
        assertThat(user.path("attributes").path("ministry").get(0).asText()).isEqualTo("BNV");
        assertThat(user.path("attributes").has("unit")).isFalse();
        String userId = user.path("id").asText();
        assertThat(FakeKeycloakAdmin.ROLES.get(userId)).containsExactly(Roles.OFFICER);
        assertThat(FakeKeycloakAdmin.EMAILS.get(userId)).isEqualTo("[\"UPDATE_PASSWORD\"]");

        // the admin sees it; a coordinator of the ministry sees the official but not the login
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id)
            .then().statusCode(200).body("login.username", equalTo(username));
        given().auth().oauth2(BNV_COORDINATOR).get(OFFICIALS + "/" + id)
            .then().statusCode(200).body("fullName", equalTo("Nguyễn Thị Hoa")).body("login", nullValue());
        given().auth().oauth2(BNV_ADMIN).queryParam("q", "Nguyễn Thị Hoa").queryParam("size", 100).get(OFFICIALS)
            .then().statusCode(200).body("items.find { it.id == '" + id + "' }.login.enabled", equalTo(true));

        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id + "/audit")
            .then().statusCode(200).body("items[0].action", equalTo("login-given"));
    }

    @Test
    void onlyAdminsOfTheOfficialsMinistryOrPlatformAdminsGiveLogins() {
        String id = register(BNV_ADMIN, "Trần Văn Minh", uniqueEmail("minh.tv"));

        for (String token : List.of(BNV_COORDINATOR, officer("BNV", uniqueEmail("someone")))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post(OFFICIALS + "/" + id + "/login")
                .then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("This operation needs one of the roles: ministry-admin, platform-admin"))
                    .body("allowedRoles", contains(Roles.MINISTRY_ADMIN, Roles.PLATFORM_ADMIN));
        }
        // the right role for another ministry: the scope refusal keeps its own text
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then().statusCode(403).body("detail", equalTo("Only an admin of BNV may change its directory"));
        given().auth().oauth2(BCT_ADMIN).delete(OFFICIALS + "/" + id + "/login").then().statusCode(403);

        given().auth().oauth2(PLATFORM_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then().statusCode(201).body("login.role", equalTo(Roles.OFFICER));
    }

    @Test
    void aSecondLoginOrAKeycloakUserOfTheSameNameIsAConflict() {
        String id = register(BNV_ADMIN, "Lê Thị Lan", uniqueEmail("lan.lt"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login").then().statusCode(201);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("already has a login"));

        String email = uniqueEmail("taken");
        FakeKeycloakAdmin.existingUser(email.toLowerCase(Locale.ROOT));
        String other = register(BNV_ADMIN, "Phạm Văn Taken", email);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + other + "/login")
            .then().statusCode(409).body("detail", containsString("Keycloak already has a user"));
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + other).then().body("login", nullValue());
    }

    @Test
    void anOfficialWithoutAWorkEmailGetsNoLogin() throws Exception {
        String id = register(BNV_ADMIN, "Hoàng Văn Không", uniqueEmail("khong"));
        try (Connection connection = database.getConnection();
             PreparedStatement clear = connection.prepareStatement("UPDATE official SET email = NULL WHERE id = ?")) {
            clear.setObject(1, UUID.fromString(id));
            assertThat(clear.executeUpdate()).isEqualTo(1);
        }

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("email"));
    }

    @Test
    void aUnitsUserGetsTheMinistryUnitRoleAndTheUnitsCode() {
        String code = "VU-PC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String unitId = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"name\": \"Vụ Pháp chế " + code + "\", \"type\": \"DEPARTMENT\"}")
                .when().post(UNITS).then().statusCode(201).extract().path("id");
        String email = uniqueEmail("phapche");
        String id = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(officialFields("Vũ Minh Đức", email, unitId))
                .when().post(OFFICIALS).then().statusCode(201).extract().path("id");

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"UNIT\"}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then().statusCode(201).body("login.role", equalTo(Roles.MINISTRY_UNIT));
        var user = FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT));
        assertThat(user.path("attributes").path("unit").get(0).asText()).isEqualTo(code);
        assertThat(user.path("attributes").path("ministry").get(0).asText()).isEqualTo("BNV");
        assertThat(FakeKeycloakAdmin.ROLES.get(user.path("id").asText())).containsExactly(Roles.MINISTRY_UNIT);

        String withoutUnit = register(BNV_ADMIN, "Đinh Văn Lẻ", uniqueEmail("le.dv"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"UNIT\"}")
            .when().post(OFFICIALS + "/" + withoutUnit + "/login")
            .then().statusCode(400).body("violations[0].field", equalTo("kind"));
    }

    @Test
    void deactivatingTheOfficialDisablesTheLoginInTheSameRequest() {
        String email = uniqueEmail("nghi.huu");
        String id = register(BNV_ADMIN, "Bùi Văn Nghỉ", email);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login").then().statusCode(201);

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Nghỉ hưu\"}")
            .when().post(OFFICIALS + "/" + id + "/deactivation")
            .then().statusCode(200).body("active", equalTo(false)).body("login.enabled", equalTo(false));

        var user = FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT));
        assertThat(user.path("enabled").asBoolean()).isFalse();
        // read and written back whole: the ministry claim stays
        assertThat(user.path("attributes").path("ministry").get(0).asText()).isEqualTo("BNV");
    }

    @Test
    void aDeactivationWhileKeycloakIsDownStillHappensAndTheLoginIsDisabledByTheRetry() {
        String email = uniqueEmail("mat.ket.noi");
        String id = register(BNV_ADMIN, "Ngô Thị Mất", email);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login").then().statusCode(201);

        FakeKeycloakAdmin.down = true;
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Chuyển công tác\"}")
            .when().post(OFFICIALS + "/" + id + "/deactivation")
            .then().statusCode(200).body("active", equalTo(false)).body("login.enabled", equalTo(true));
        var user = FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT));
        assertThat(user.path("enabled").asBoolean()).isTrue();

        logins.retryPendingDisables(); // still down: nothing changes, nothing fails
        assertThat(FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT)).path("enabled").asBoolean()).isTrue();

        FakeKeycloakAdmin.down = false;
        logins.retryPendingDisables();
        assertThat(FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT)).path("enabled").asBoolean()).isFalse();
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id).then().body("login.enabled", equalTo(false));
    }

    @Test
    void keycloakDownWhenGivingALoginIsA503AndNothingIsStored() {
        String id = register(BNV_ADMIN, "Đặng Văn Chờ", uniqueEmail("cho.dv"));
        FakeKeycloakAdmin.down = true;

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/service-unavailable"))
                .body("detail", containsString("Keycloak"));
        FakeKeycloakAdmin.down = false;
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id).then().body("login", nullValue());
    }

    @Test
    void deleteDisablesTheLoginAndASecondPostEnablesItAgain() {
        String email = uniqueEmail("tam.dung");
        String id = register(BNV_ADMIN, "Lý Thị Tạm", email);
        given().auth().oauth2(BNV_ADMIN).delete(OFFICIALS + "/" + id + "/login").then().statusCode(404);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login").then().statusCode(201);

        given().auth().oauth2(BNV_ADMIN).delete(OFFICIALS + "/" + id + "/login")
            .then().statusCode(200).body("login.enabled", equalTo(false));
        assertThat(FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT)).path("enabled").asBoolean()).isFalse();

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body("{}")
            .when().post(OFFICIALS + "/" + id + "/login")
            .then().statusCode(200).body("login.enabled", equalTo(true));
        assertThat(FakeKeycloakAdmin.userNamed(email.toLowerCase(Locale.ROOT)).path("enabled").asBoolean()).isTrue();
    }
}
