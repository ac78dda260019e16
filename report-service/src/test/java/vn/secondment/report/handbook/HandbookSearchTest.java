package vn.secondment.report.handbook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The handbook of typical situations: answered issues published by a coordinator, found whatever the diacritics
 * and case of the words searched, by PostgreSQL full-text search on the folded text.
 */
@QuarkusTest
@WithRealInfrastructure
class HandbookSearchTest {

    private static final String HANDBOOK = "/api/report/handbook";
    private static final String ISSUES = "/api/report/issues";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.tccb").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String LIAISON_HCM = TestTokens.user("sonv.hcm").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();

    @Test
    void theSameEntryIsFoundWithOrWithoutDiacriticsInAnyCase() {
        String procedures = answeredIssue("THU_TUC_HANH_CHINH",
                "Thủ tục hành chính chưa thống nhất giữa các phường",
                "Áp dụng bộ thủ tục hành chính đã được Chủ tịch UBND tỉnh công bố; không yêu cầu thêm giấy tờ",
                "Công văn 4567/BNV-CQĐP");
        String treasury = answeredIssue("KHO_BAC", "Phường mới chưa mở được tài khoản tại Kho bạc",
                "Kho bạc Nhà nước khu vực mở tài khoản dự toán cho phường trong ngày",
                "Công văn 1234/BNV-KHTC");
        String proceduresEntry = publish(procedures);
        String treasuryEntry = publish(treasury);

        List<String> plain = found("thu tuc", null);
        assertThat(plain).contains(proceduresEntry).doesNotContain(treasuryEntry);
        assertThat(found("thủ tục", null)).isEqualTo(plain);
        assertThat(found("THỦ TỤC HÀNH CHÍNH", null)).contains(proceduresEntry).doesNotContain(treasuryEntry)
                .isEqualTo(found("thu tuc hanh chinh", null));
        // đ folds to d: the guidance document's issuer code is found typed either way
        assertThat(found("CQĐP", null)).contains(proceduresEntry).isEqualTo(found("cqdp", null));

        assertThat(found("kho bac", "KHO_BAC")).contains(treasuryEntry).doesNotContain(proceduresEntry);
        assertThat(found("thu tuc", "KHO_BAC")).doesNotContain(proceduresEntry, treasuryEntry);
        assertThat(found(null, "THU_TUC_HANH_CHINH")).contains(proceduresEntry).doesNotContain(treasuryEntry);

        assertThat(given().auth().oauth2(VIEWER).queryParam("q", "kho bac").queryParam("ministry", "BNV")
                .queryParam("size", 100).when().get(HANDBOOK)
                .then().statusCode(200).extract().jsonPath().getList("items.id")).contains(treasuryEntry);
        given().auth().oauth2(VIEWER).queryParam("q", "kho bac").queryParam("ministry", "BCT")
                .queryParam("ministry", "BTC").when().get(HANDBOOK)
                .then().statusCode(200).body("totalItems", equalTo(0));

        given().auth().oauth2(LIAISON_HCM).queryParam("q", "kho bạc").when().get(HANDBOOK)
                .then().statusCode(200)
                .body("items.find { it.id == '" + treasuryEntry + "' }.fieldLabel", equalTo("kho bạc"));
    }

    @Test
    void onlyAnsweredIssuesArePublishedOnceAndAnEditOrWithdrawalChangesWhatIsFound() {
        String open = raise("DAT_DAI", "Chưa rõ thẩm quyền cấp giấy chứng nhận quyền sử dụng đất ở cấp xã");
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(Map.of("issueId", open))
                .when().post(HANDBOOK)
                .then().statusCode(409);

        String answered = answeredIssue("BIEN_CHE_NHAN_SU", "Thiếu công chức tư pháp - hộ tịch ở phường đông dân",
                "Điều động công chức trong biên chế được giao của tỉnh", "Công văn 4890/BNV-CCVC");
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).body(Map.of("issueId", answered))
                .when().post(HANDBOOK)
                .then().statusCode(403);
        String entry = publish(answered);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(Map.of("issueId", answered))
                .when().post(HANDBOOK)
                .then().statusCode(409);
        given().auth().oauth2(VIEWER).when().get(HANDBOOK + "/" + entry)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("question", equalTo("Thiếu công chức tư pháp - hộ tịch ở phường đông dân. "
                        + "Cùng một việc, các phường xử lý khác nhau"))
                .body("guidanceDocument", equalTo("Công văn 4890/BNV-CCVC"));

        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("question", "Phường đông dân thiếu công chức tư pháp - hộ tịch thì bố trí thế nào?");
        edit.put("answer", "Điều động công chức trong biên chế được giao; tiếp nhận hồ sơ qua bộ phận một cửa");
        edit.put("field", "BIEN_CHE_NHAN_SU");
        edit.put("guidanceDocument", "Công văn 4890/BNV-CCVC");
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(edit)
                .when().put(HANDBOOK + "/" + entry).then().statusCode(428);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                .when().put(HANDBOOK + "/" + entry)
                .then().statusCode(200).header("ETag", "\"1\"");
        assertThat(found("bo phan mot cua", null)).contains(entry);

        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "Đã có hướng dẫn mới thay thế"))
                .when().post(HANDBOOK + "/" + entry + "/withdraw")
                .then().statusCode(200).body("withdrawalReason", equalTo("Đã có hướng dẫn mới thay thế"));
        assertThat(found("bo phan mot cua", null)).doesNotContain(entry);
    }

    // --- helpers

    private static List<String> found(String q, String field) {
        var request = given().auth().oauth2(VIEWER).queryParam("size", 100);
        if (q != null) {
            request.queryParam("q", q);
        }
        if (field != null) {
            request.queryParam("field", field);
        }
        return request.when().get(HANDBOOK).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static String publish(String issueId) {
        return given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("issueId", issueId))
                .when().post(HANDBOOK)
                .then().statusCode(201).body("ministryCode", equalTo("BNV"))
                .extract().path("id");
    }

    /** Raised by the liaison of Hồ Chí Minh City to Bộ Nội vụ. */
    private static String raise(String field, String title) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("ministryCode", "BNV");
        request.put("field", field);
        request.put("kind", "DIFFICULTY");
        request.put("title", title);
        request.put("description", "Cùng một việc, các phường xử lý khác nhau");
        return given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).body(request)
                .when().post(ISSUES)
                .then().statusCode(201).extract().path("id");
    }

    /** Raised, then answered on the spot by the coordinator with the guidance already in force. */
    private static String answeredIssue(String field, String title, String answer, String guidance) {
        String id = raise(field, title);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("answer", answer, "guidanceDocument", guidance))
                .when().post(ISSUES + "/" + id + "/answer-on-site")
                .then().statusCode(200).body("status", equalTo("ANSWERED_ON_SITE"));
        return id;
    }
}
