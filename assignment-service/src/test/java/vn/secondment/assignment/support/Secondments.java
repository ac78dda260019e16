package vn.secondment.assignment.support;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens of every role, officials as personnel-service would announce them, and deployments made through the API. */
public final class Secondments {

    public static final String API = "/api/assignment";
    public static final String DEPLOYMENTS = API + "/deployments";
    public static final String ASSIGNMENTS = API + "/assignments";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    public static final String PLATFORM_ADMIN = TestTokens.user("platform.admin").roles(Roles.PLATFORM_ADMIN).token();
    public static final String BNV_ADMIN = admin("BNV");
    public static final String BCT_ADMIN = admin("BCT");
    public static final String BNNMT_ADMIN = admin("BNNMT");
    public static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    public static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    public static final String LIAISON_HCM = TestTokens.user("liaison.hcm").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();

    private Secondments() {
    }

    public static String admin(String ministry) {
        return TestTokens.user(ministry.toLowerCase() + ".admin").roles(Roles.MINISTRY_ADMIN).ministry(ministry).token();
    }

    /** An officer signed in with their verified work email, as Keycloak issues it. */
    public static String officer(String ministry, String email) {
        return TestTokens.user(email).roles(Roles.OFFICER).ministry(ministry).email(email).token();
    }

    /**
     * An official as personnel-service announced them (the consumer's own tests go through Kafka; other tests
     * start from the read model it keeps).
     */
    public static UUID official(String ministry, String fullName, String email) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            KnownOfficial o = new KnownOfficial();
            o.id = id;
            o.ministryCode = ministry;
            o.fullName = fullName;
            o.position = "Chuyên viên chính";
            o.email = email;
            o.active = true;
            o.eventTime = Instant.now();
            Arc.container().instance(KnownOfficialRepository.class).get().persist(o);
        });
        return id;
    }

    public static UUID official(String ministry, String fullName) {
        return official(ministry, fullName, uniqueEmail(ministry));
    }

    public static String uniqueEmail(String ministry) {
        return "cb." + UUID.randomUUID().toString().substring(0, 8) + "@" + ministry.toLowerCase() + ".gov.vn";
    }

    /**
     * A draft deployment of {@code ministry} to all 34 provinces, one official each except Hồ Chí Minh City (two),
     * with a decision number unique to the test run.
     */
    public static UUID deployment(String token, String ministry, LocalDate start, LocalDate end) {
        String decision = (100 + (int) (Math.random() * 900000)) + "/QĐ-" + ministry;
        return deployment(token, ministry, decision, start, end);
    }

    public static UUID deployment(String token, String ministry, String decision, LocalDate start, LocalDate end) {
        String body = """
                {"ministryCode": "%s", "type": "RESIDENT_SECONDMENT", "name": "Tăng cường cán bộ %s",
                 "decision": {"number": "%s", "date": "2025-08-11", "signer": "Bộ trưởng"},
                 "startDate": "%s", "endDate": "%s", "provinceQuotas": {"79": 2}}"""
                .formatted(ministry, decision, decision, start, end);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(DEPLOYMENTS)
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void issue(String token, UUID deployment) {
        given().auth().oauth2(token).header("If-Match", etag(token, DEPLOYMENTS + "/" + deployment))
                .when().post(DEPLOYMENTS + "/" + deployment + "/issue")
                .then().statusCode(200);
    }

    /** Assigns an official to a province for the deployment's whole period; returns the assignment's id. */
    public static UUID assign(String token, UUID deployment, UUID official, String province) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"%s\"}".formatted(official, province))
                .when().post(DEPLOYMENTS + "/" + deployment + "/assignments")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void arrive(String token, UUID assignment, LocalDate on) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", etag(token, ASSIGNMENTS + "/" + assignment))
                .body("{\"arrivedOn\": \"" + on + "\"}")
                .when().post(ASSIGNMENTS + "/" + assignment + "/arrival")
                .then().statusCode(200);
    }

    public static String etag(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().header("ETag");
    }
}
