package vn.secondment.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Seventeen ministries' rounds, each sending one official to every province, made the way ministries make them
 * through the public API: a round created and issued by the platform admin for the ministry, then its annex (with
 * the province column) imported into it, which creates the officials and, through the events, their assignments. For the web
 * console's speed figure: the side-by-side view with every ministry's data.
 */
final class SeventeenMinistries {

    static final int MINISTRIES = 17;
    /** A day inside every seeded round, after PlatformIT's rounds of 2025. */
    static final String DAY = "2026-03-16";

    private SeventeenMinistries() {
    }

    /** Seeds the rounds and returns once the coverage of {@link #DAY} shows all of them; the ministries' codes. */
    static List<String> seed(String gateway, String platformAdminToken) {
        List<String> ministries = given().auth().oauth2(platformAdminToken)
                .when().get(gateway + "/api/personnel/ministries")
                .then().statusCode(200).extract().jsonPath().getList("code", String.class);
        List<String> provinces = given().auth().oauth2(platformAdminToken)
                .when().get(gateway + "/api/assignment/provinces")
                .then().statusCode(200).extract().jsonPath().getList("code", String.class);
        List<String> chosen = ministries.subList(0, Math.min(MINISTRIES, ministries.size()));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        for (String ministry : chosen) {
            String round = given().auth().oauth2(platformAdminToken).contentType(ContentType.JSON)
                    .body("""
                            {"type": "RESIDENT_SECONDMENT", "ministryCode": "%s",
                             "name": "Tăng cường cán bộ về 34 tỉnh, thành phố năm 2026",
                             "decision": {"number": "%d/QĐ-%s", "date": "2026-02-20"},
                             "startDate": "2026-03-02", "endDate": "2026-04-30"}"""
                            .formatted(ministry, 100 + chosen.indexOf(ministry), ministry))
                    .when().post(gateway + "/api/assignment/deployments")
                    .then().statusCode(201).extract().path("id");
            // issued by its decision, as the coverage counts only decided rounds
            String etag = given().auth().oauth2(platformAdminToken)
                    .when().get(gateway + "/api/assignment/deployments/" + round)
                    .then().statusCode(200).extract().header("ETag");
            given().auth().oauth2(platformAdminToken).header("If-Match", etag)
                    .when().post(gateway + "/api/assignment/deployments/" + round + "/issue")
                    .then().statusCode(200);
            byte[] annex = annex(ministry, provinces, marker);
            // personnel-service learns of the round from assignment-service's event
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().auth().oauth2(platformAdminToken)
                            .multiPart("file", "phu-luc-" + ministry + ".csv", annex, "text/csv")
                            .queryParam("deployment", round).queryParam("ministry", ministry)
                            .when().post(gateway + "/api/personnel/officials/imports")
                            .statusCode() == 200);
        }
        // the assignments arrive through personnel-service's events
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonPath coverage = given().auth().oauth2(platformAdminToken)
                    .queryParam("date", DAY).queryParam("ministry", chosen)
                    .when().get(gateway + "/api/assignment/coverage")
                    .then().statusCode(200).extract().jsonPath();
            return coverage.getInt("totals.officials") >= chosen.size() * provinces.size();
        });
        return chosen;
    }

    /** An annex of 34 rows, one official per province, with the columns an annex into a round reads. */
    private static byte[] annex(String ministry, List<String> provinces, String marker) {
        StringBuilder csv = new StringBuilder("STT,Họ và tên,Email,Chức vụ,\"Tỉnh, thành phố\"\n");
        for (int i = 0; i < provinces.size(); i++) {
            String local = ministry.toLowerCase() + "." + marker + "." + (i + 1);
            csv.append(i + 1).append(",Cán bộ ").append(ministry).append(' ').append(i + 1).append(',')
                    .append(local).append("@example.vn,Chuyên viên,").append(provinces.get(i)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
