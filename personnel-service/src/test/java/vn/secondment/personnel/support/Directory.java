package vn.secondment.personnel.support;

import io.restassured.http.ContentType;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens of every role the directory distinguishes, and helpers that create test data through the API. */
public final class Directory {

    public static final String OFFICIALS = "/api/personnel/officials";
    public static final String UNITS = "/api/personnel/units";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** RestAssured encodes bodies of types it does not know as ISO-8859-1 unless told; JSON is UTF-8. */
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    public static final String PLATFORM_ADMIN = TestTokens.user("platform.admin").roles(Roles.PLATFORM_ADMIN).token();
    public static final String BNV_ADMIN = TestTokens.user("bnv.admin").roles(Roles.MINISTRY_ADMIN).ministry("BNV").token();
    public static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    public static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN).ministry("BCT").token();
    public static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    public static final String LIAISON_HCM = TestTokens.user("liaison.hcm").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();

    private Directory() {
    }

    /** A BNV officer signed in with {@code email}, as Keycloak would issue it (verified email). */
    public static String officer(String ministry, String email) {
        return TestTokens.user(email).roles(Roles.OFFICER).ministry(ministry).email(email).token();
    }

    /** A unique work email, so tests never collide on the natural key. */
    public static String uniqueEmail(String local) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@moha.gov.vn";
    }

    public static String officialJson(String fullName, String email) {
        return """
                {"fullName": "%s", "gender": "FEMALE", "dateOfBirth": "1980-05-17", "position": "Phó Vụ trưởng",
                 "grade": "chuyên viên chính", "category": "CIVIL_SERVANT", "email": "%s",
                 "phone": "0912 345 678", "expertise": ["tổ chức bộ máy", "tiền lương"]}""".formatted(fullName, email);
    }

    /** A complete, valid official as a mutable map, for tests that change one field or add a unit. */
    public static Map<String, Object> officialFields(String fullName, String email, String unitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1980-05-17");
        body.put("unitId", unitId);
        body.put("position", "Chuyên viên");
        body.put("grade", "chuyên viên chính");
        body.put("category", "CIVIL_SERVANT");
        body.put("email", email);
        body.put("phone", "0912 345 678");
        body.put("expertise", List.of("tổ chức bộ máy", "tiền lương"));
        return body;
    }

    /** Registers an official of the admin's ministry and returns its id. */
    public static String register(String adminToken, String fullName, String email) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(officialJson(fullName, email))
                .when().post(OFFICIALS)
                .then().statusCode(201).extract().path("id");
    }
}
