package vn.secondment.rest.http;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A 403 of a role check names the roles that may do the operation; a scope refusal keeps its own text. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ForbiddenRolesTest {

    private final String officer = TestTokens.user("bnv.officer").ministry("BNV").roles(Roles.OFFICER).token();

    @Test
    void namesTheRolesOfTheResourceMethod() {
        given()
                .auth().oauth2(officer)
            .when()
                .post("/api/guarded/plans")
            .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"))
                .body("detail", equalTo("This operation needs one of the roles: coordinator, ministry-admin, "
                        + "platform-admin"))
                .body("allowedRoles", contains(Roles.COORDINATOR, Roles.MINISTRY_ADMIN, Roles.PLATFORM_ADMIN));
    }

    @Test
    void namesTheRolesOfTheResourceClassWhenTheMethodHasNone() {
        given()
                .auth().oauth2(officer)
            .when()
                .get("/api/guarded/figures")
            .then()
                .statusCode(403)
                .body("detail", equalTo("This operation needs one of the roles: viewer"))
                .body("allowedRoles", contains(Roles.VIEWER));
    }

    @Test
    void aScopeRefusalKeepsItsOwnTextAndNamesNoRoles() {
        given()
                .auth().oauth2(officer)
            .when()
                .get("/api/guarded/scoped")
            .then()
                .statusCode(403)
                .body("detail", equalTo("You may act only for your own ministry (BCT), not for BNV"))
                .body("allowedRoles", nullValue());
    }
}
