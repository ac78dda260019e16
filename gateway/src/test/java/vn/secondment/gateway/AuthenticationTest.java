package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.TestTokens;

import java.time.Instant;

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

    @Test
    void refusesATokenMadeOfTwoVerifiedOnesThoughBothAreRemembered() {
        String first = TestTokens.user("bnv.officer").token();
        String second = TestTokens.user("bct.officer").token();
        answered(first, OK.getStatusCode());
        answered(second, OK.getStatusCode());
        String[] a = first.split("\\.");
        String[] b = second.split("\\.");

        // the second caller's claims under the first one's signature, then a signature with one character changed
        answered(a[0] + "." + b[1] + "." + a[2], UNAUTHORIZED.getStatusCode());
        String signature = a[2];
        char changed = signature.charAt(10) == 'A' ? 'B' : 'A';
        answered(a[0] + "." + a[1] + "." + signature.substring(0, 10) + changed + signature.substring(11),
                UNAUTHORIZED.getStatusCode());
        answered(first, OK.getStatusCode());
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() throws Exception {
        Instant expiry = Instant.now().plusSeconds(2);
        String shortLived = Jwt.issuer(TestTokens.ISSUER).subject("short-lived").audience(TestTokens.AUDIENCE)
                .expiresAt(expiry).jws().keyId("1").sign("privateKey.jwk");
        answered(shortLived, OK.getStatusCode());
        answered(shortLived, OK.getStatusCode());

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1_100);

        given()
                .auth().oauth2(shortLived)
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(UNAUTHENTICATED));
    }

    private static void answered(String token, int status) {
        given()
                .auth().oauth2(token)
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(status);
    }
}
