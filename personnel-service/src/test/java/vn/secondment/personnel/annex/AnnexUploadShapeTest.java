package vn.secondment.personnel.annex;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.secondment.testing.WithRealInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.secondment.personnel.support.Annexes.IMPORTS;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;

/**
 * Multipart bodies that carry no usable annex, as an integrator's fuzzer sends them byte for byte: each is a 400
 * problem naming the form field {@code file} and what it must hold, never a 500.
 */
@QuarkusTest
@WithRealInfrastructure
class AnnexUploadShapeTest {

    private static final String BOUNDARY = "b0undary";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    private static final String FILE_HEAD = "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"phu-luc.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";
    private static final String CSV_ROWS = "Họ và tên,Email\r\nLê Văn An,an@bnv.example.vn\r\n";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMultipartBodyWithNoPartsIsA400NamingFile() throws Exception {
        assertNamesTheFileField(post(MULTIPART, "--" + BOUNDARY + "--\r\n"), "the form field file");
    }

    @Test
    void anEmptyBodyIsA400NamingFile() throws Exception {
        assertNamesTheFileField(post(MULTIPART, ""), "the form field file");
    }

    @Test
    void aPartWithAnotherNameIsA400NamingFile() throws Exception {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"annex\"; filename=\"phu-luc.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV_ROWS + "\r\n--" + BOUNDARY + "--\r\n";
        assertNamesTheFileField(post(MULTIPART, body), "is required");
    }

    @Test
    void anEmptyFilePartIsA400NamingFile() throws Exception {
        assertNamesTheFileField(post(MULTIPART, FILE_HEAD + "\r\n--" + BOUNDARY + "--\r\n"), "is empty");
    }

    @Test
    void aFileFieldSentAsTextIsA400NamingFile() throws Exception {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
                + CSV_ROWS + "\r\n--" + BOUNDARY + "--\r\n";
        assertNamesTheFileField(post(MULTIPART, body), "must be a file (a form part with a filename)");
    }

    @Test
    void aFilePartOfAnotherContentTypeAndNameIsA400NamingFile() throws Exception {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"phu-luc\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"a\":1}\r\n--" + BOUNDARY + "--\r\n";
        assertNamesTheFileField(post(MULTIPART, body), ".csv or .xlsx");
    }

    @Test
    void aMultipartBodyCutShortIsA400NamingFile() throws Exception {
        assertNamesTheFileField(post(MULTIPART, FILE_HEAD + CSV_ROWS), "the form field file");
        assertNamesTheFileField(post(MULTIPART, "--" + BOUNDARY + "\r\nContent-Disposition: form-da"),
                "the form field file");
    }

    @Test
    void aMultipartTypeWithoutBoundaryIsA400NamingFile() throws Exception {
        // without a boundary no part can be found: the file is missing
        assertNamesTheFileField(post("multipart/form-data", FILE_HEAD + CSV_ROWS + "\r\n--" + BOUNDARY + "--\r\n"),
                "is required");
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + RestAssured.port + IMPORTS + "?dryRun=true");
        return http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + BNV_ADMIN)
                        .header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertNamesTheFileField(HttpResponse<String> response, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getString("violations[0].field")).isEqualTo("file");
        assertThat(problem.getString("violations[0].message")).as(response.body()).contains(messagePart);
    }
}
