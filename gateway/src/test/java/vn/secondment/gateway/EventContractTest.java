package vn.secondment.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.WithFakeServices;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** The event contract next to the OpenAPI documents: public, and every schema the document refers to is served. */
@QuarkusTest
@WithFakeServices
class EventContractTest {

    private static final Pattern SCHEMA_REFERENCE = Pattern.compile("\\$ref: (dataschema/[^\\s']+)");

    @Test
    void servesTheAsyncApiDocumentWithoutAToken() {
        given()
            .when()
                .get("/asyncapi")
            .then()
                .statusCode(OK.getStatusCode())
                .contentType(startsWith("application/yaml"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("address: personnel.events"))
                .body(containsString("address: notification-service.dlq"));
    }

    @Test
    void servesEverySchemaTheDocumentRefersTo() {
        String document = given().when().get("/asyncapi").then().statusCode(OK.getStatusCode()).extract().asString();
        Set<String> references = new LinkedHashSet<>();
        Matcher matcher = SCHEMA_REFERENCE.matcher(document);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }

        assertThat(references).hasSize(42);
        for (String reference : references) {
            // relative to the document's address, /asyncapi
            Response schema = given().when().get("/" + reference);
            assertThat(schema.statusCode()).as(reference).isEqualTo(OK.getStatusCode());
            assertThat(schema.contentType()).as(reference).isEqualTo("application/schema+json");
            assertThat(schema.jsonPath().getString("$schema")).isEqualTo("http://json-schema.org/draft-07/schema#");
        }
    }

    @Test
    void servesThePayloadSchemaThatAnEventsDataschemaNames() {
        given()
            .when()
                .get("/dataschema/vn.secondment.personnel.official.registered/v1.json")
            .then()
                .statusCode(OK.getStatusCode())
                .contentType("application/schema+json")
                .body("type", equalTo("object"))
                .body("properties.officialId.format", equalTo("uuid"))
                .body("required", hasItems("officialId", "fullName", "ministryCode"));
    }

    @Test
    void answersAnUnknownSchemaWithANotFoundProblem() {
        for (String path : new String[]{"/dataschema/vn.secondment.personnel.official.promoted/v1.json",
                "/dataschema/vn.secondment.personnel.official.registered/v2.json",
                "/dataschema/..%2F..%2Fapplication.properties", "/dataschema/"}) {
            given()
                .when()
                    .get(path)
                .then()
                    .statusCode(NOT_FOUND.getStatusCode())
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theConsoleLinksToTheEvents() {
        given()
            .when()
                .get("/q/swagger-ui/")
            .then()
                .statusCode(OK.getStatusCode())
                .body(containsString("href=\"/asyncapi\""));
    }
}
