package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.TestTokens;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithFakeServices
class ConsoleTest {

    private static final String PERSONNEL_DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "personnel-service", "version": "0.1.0"},
              "servers": [{"url": "http://personnel-service:8081"}],
              "paths": {
                "/api/personnel/officials": {
                  "post": {"security": [{"bearer": []}], "responses": {"201": {"description": "Created"}}}
                }
              },
              "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}
            }""";

    @FakePersonnelService
    WireMockServer personnel;

    @BeforeEach
    void servePersonnelDocument() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(OK.getStatusCode())));
        personnel.stubFor(get(urlPathEqualTo("/q/openapi")).willReturn(aResponse()
                .withStatus(OK.getStatusCode())
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(PERSONNEL_DOCUMENT)));
    }

    @Test
    void servesAServicesOpenApiDocumentWithoutAToken() {
        given()
            .when()
                .get("/openapi/personnel")
            .then()
                .statusCode(OK.getStatusCode())
                .contentType("application/json")
                .body("info.title", equalTo("personnel-service"))
                .body("paths", hasKey("/api/personnel/officials"));

        personnel.verify(getRequestedFor(urlPathEqualTo("/q/openapi")).withHeader("Authorization", absent()));
    }

    @Test
    void offersKeycloakLoginWhereverTheDocumentAsksForAToken() {
        given()
            .when()
                .get("/openapi/personnel")
            .then()
                .statusCode(OK.getStatusCode())
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        equalTo("http://localhost:8180/realms/secondment/protocol/openid-connect/auth"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl",
                        equalTo("http://localhost:8180/realms/secondment/protocol/openid-connect/token"))
                .body("paths.'/api/personnel/officials'.post.security", hasItem(hasKey("keycloak")))
                .body("paths.'/api/personnel/officials'.post.security", hasItem(hasKey("bearer")))
                .body("security", hasItem(hasKey("keycloak")))
                .body("$", not(hasKey("servers")));
    }

    @Test
    void answersAnUnknownDocumentWithANotFoundProblem() {
        given()
            .when()
                .get("/openapi/payroll")
            .then()
                .statusCode(NOT_FOUND.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void answersADocumentOfAServiceThatIsDownWithAServiceUnavailableProblem() {
        given()
            .when()
                .get("/openapi/assignment")
            .then()
                .statusCode(SERVICE_UNAVAILABLE.getStatusCode())
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", equalTo("assignment-service is unavailable"));
    }

    @Test
    void servesTheConsoleListingEveryServiceWithPkceLogin() {
        given()
            .when()
                .get("/q/swagger-ui/")
            .then()
                .statusCode(OK.getStatusCode())
                .contentType(containsString("text/html"))
                .body(containsString("/openapi/personnel"))
                .body(containsString("/openapi/assignment"))
                .body(containsString("/openapi/report"))
                .body(containsString("/openapi/notification"))
                .body(containsString("clientId: 'secondment-web'"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"));
    }

    @Test
    void staysReadyWhileServicesAreDown() {
        given()
            .when()
                .get(ManagementInterface.url("/q/health/ready"))
            .then()
                .statusCode(OK.getStatusCode())
                .body("status", equalTo("UP"));
    }

    @Test
    void countsRequestsPerServiceNotPerPath() {
        given()
                .auth().oauth2(TestTokens.user("metrics.reader").token())
            .when()
                .get("/api/personnel/officials/6f1c2a3e-0000-4000-8000-000000000099")
            .then()
                .statusCode(OK.getStatusCode());

        given()
            .when()
                .get(ManagementInterface.url("/q/metrics"))
            .then()
                .statusCode(OK.getStatusCode())
                .body(containsString("uri=\"/api/personnel/*\""))
                .body(not(containsString("6f1c2a3e-0000-4000-8000-000000000099")));
    }

    @Test
    void servesNeitherMetricsNorHealthOnThePublicPortWithOrWithoutAToken() {
        String token = TestTokens.user("platform.admin").roles("platform-admin").token();
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            given().when().get(path).then().statusCode(404);
            given().auth().oauth2(token).when().get(path).then().statusCode(404);
        }
    }
}
