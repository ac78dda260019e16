package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithFakeServices
class AuthenticationTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String UNAUTHENTICATED = "https://secondment.gov.vn/problems/unauthenticated";

    @FakePersonnelService
    WireMockServer personnel;

    @BeforeEach
    void answerEverything() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(OK.getStatusCode())));
    }

    @Test
    void rejectsRequestsWithoutATokenBeforeTheyReachAService() {
        given()
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Lê Văn An\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", notNullValue())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body("type", equalTo(UNAUTHENTICATED))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/personnel/officials"));

        personnel.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void rejectsATokenThatIsNotValidBeforeItReachesAService() {
        given()
                .auth().oauth2("not.a.token")
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(UNAUTHENTICATED));

        personnel.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void rejectsATokenMeantForAnotherAudience() {
        String foreign = TestTokens.user("bnv.admin").audience("other-api").token();

        given()
                .auth().oauth2(foreign)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Lê Văn An\"}")
            .when()
                .post("/api/personnel/officials")
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(UNAUTHENTICATED));

        personnel.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnUnknownApiPrefixWithoutATokenWithoutSayingItIsUnknown() {
        given()
            .when()
                .get("/api/secrets/keys")
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode())
                .contentType(PROBLEM_JSON);
    }

    @Test
    void allowsNoCrossOriginCallsUnlessOriginsAreConfigured() {
        given()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
            .when()
                .options("/api/personnel/officials")
            .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
