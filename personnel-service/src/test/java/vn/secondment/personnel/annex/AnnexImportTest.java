package vn.secondment.personnel.annex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.tabular.TableFormat;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static vn.secondment.personnel.support.Annexes.CSV;
import static vn.secondment.personnel.support.Annexes.HEADERS;
import static vn.secondment.personnel.support.Annexes.read;
import static vn.secondment.personnel.support.Annexes.DECISION;
import static vn.secondment.personnel.support.Annexes.IMPORTS;
import static vn.secondment.personnel.support.Annexes.XLSX;
import static vn.secondment.personnel.support.Annexes.createUnit;
import static vn.secondment.personnel.support.Annexes.csv;
import static vn.secondment.personnel.support.Annexes.marker;
import static vn.secondment.personnel.support.Annexes.row;
import static vn.secondment.personnel.support.Annexes.upload;
import static vn.secondment.personnel.support.Annexes.with;
import static vn.secondment.personnel.support.Annexes.write;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.VIEWER;
import static vn.secondment.personnel.support.Directory.register;

/**
 * Annex imports through the API, against PostgreSQL and Kafka: what a good file creates and announces, how a bad
 * one is refused as a whole with every bad cell named by its row and column, dry runs, re-imports, who may import.
 */
@QuarkusTest
@WithRealInfrastructure
class AnnexImportTest {

    private static final Path SAMPLES = Path.of("samples");
    @InjectTestKafka
    TestKafka kafka;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    // ---- the samples of personnel-service/samples

    @Test
    void theCommittedSamplesAreExactlyWhatTheGeneratorWrites() throws IOException {
        assertThat(Files.readAllBytes(SAMPLES.resolve(SampleAnnexes.BNV_CSV)))
                .as("samples/%s: regenerate with SampleAnnexes.main", SampleAnnexes.BNV_CSV)
                .isEqualTo(SampleAnnexes.bnvCsv());
        assertThat(Files.readAllBytes(SAMPLES.resolve(SampleAnnexes.BCT_XLSX)))
                .as("samples/%s: regenerate with SampleAnnexes.main", SampleAnnexes.BCT_XLSX)
                .isEqualTo(SampleAnnexes.bctXlsx());
        byte[] csv = Files.readAllBytes(SAMPLES.resolve(SampleAnnexes.BNV_CSV));
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("DANH SÁCH CÔNG CHỨC ĐƯỢC CỬ ĐI TĂNG CƯỜNG");
    }

    @Test
    void theSamplesImportCleanlyInADryRun() throws IOException {
        Snapshot before = snapshot();
        upload(BNV_ADMIN, SampleAnnexes.BNV_CSV, Files.readAllBytes(SAMPLES.resolve(SampleAnnexes.BNV_CSV)), CSV)
                .queryParam("ministry", "BNV").queryParam("decision", SampleAnnexes.BNV_DECISION)
                .queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("ministryCode", equalTo("BNV"))
                .body("decision", equalTo(SampleAnnexes.BNV_DECISION))
                .body("dryRun", equalTo(true))
                .body("committed", equalTo(false))
                .body("rows", equalTo(SampleAnnexes.ROWS))
                .body("created", equalTo(SampleAnnexes.ROWS))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("errors", empty());
        upload(BCT_ADMIN, SampleAnnexes.BCT_XLSX, Files.readAllBytes(SAMPLES.resolve(SampleAnnexes.BCT_XLSX)), XLSX)
                .queryParam("ministry", "BCT").queryParam("decision", SampleAnnexes.BCT_DECISION)
                .queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("ministryCode", equalTo("BCT"))
                .body("rows", equalTo(SampleAnnexes.ROWS))
                .body("created", equalTo(SampleAnnexes.ROWS))
                .body("errors", empty());
        assertThat(snapshot()).isEqualTo(before);

        // the rows are what the README promises: 34 distinct officials with Vietnamese names
        var table = read(
                Files.readAllBytes(SAMPLES.resolve(SampleAnnexes.BCT_XLSX)), TableFormat.XLSX);
        assertThat(table.rows()).hasSize(SampleAnnexes.ROWS);
        assertThat(table.rows().get(0).cell(1)).isEqualTo("Nguyễn Văn An");
        assertThat(Set.copyOf(SampleAnnexes.emails(SampleAnnexes.BCT_XLSX))).hasSize(SampleAnnexes.ROWS)
                .allMatch(email -> email.endsWith("@bct.example.vn"));
    }

    // ---- good files

    @Test
    void importsAGoodCsvAnnexAndAnnouncesIt() throws Exception {
        String m = marker();
        byte[] file = write(TableFormat.CSV, List.of(
                row(1, "Nguyễn Thị Hoa", "Nữ", "17/05/1980", null, "Phó Vụ trưởng", "Chuyên viên chính", "Công chức",
                        m + ".hoant@bnv.example.vn", "0912 345 678", "tổ chức bộ máy; tiền lương"),
                row(2, "Đặng Văn Đức", "Nam", "1975-11-02", null, "Trưởng phòng", "Chuyên viên", "công chức",
                        m + ".ducdv@bnv.example.vn", "091.200.0111", "cải cách hành chính"),
                row(3, "Lò Thị Mai", "nữ", "3.9.1990", null, null, null, "Viên chức",
                        m + ".mailt@bnv.example.vn", null, null)));

        JsonPath report = upload(BNV_ADMIN, "phu-luc-878.csv", file, CSV)
                .queryParam("ministry", "BNV").queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("ministryCode", equalTo("BNV"))
                .body("decision", equalTo(DECISION))
                .body("fileName", equalTo("phu-luc-878.csv"))
                .body("dryRun", equalTo(false))
                .body("committed", equalTo(true))
                .body("rows", equalTo(3))
                .body("created", equalTo(3))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("errors", empty())
                .extract().jsonPath();

        JsonPath listed = given().auth().oauth2(BNV_ADMIN).queryParam("q", m).queryParam("sort", "fullName")
            .when().get(OFFICIALS)
            .then().statusCode(200).body("totalItems", equalTo(3)).extract().jsonPath();
        // Vietnamese order: by given name (Đức, Hoa, Mai)
        assertThat(listed.getList("items.fullName")).containsExactly("Đặng Văn Đức", "Nguyễn Thị Hoa", "Lò Thị Mai");
        assertThat(listed.getString("items[1].gender")).isEqualTo("FEMALE");
        assertThat(listed.getString("items[1].dateOfBirth")).isEqualTo("1980-05-17");
        assertThat(listed.getString("items[1].position")).isEqualTo("Phó Vụ trưởng");
        assertThat(listed.getString("items[1].grade")).isEqualTo("Chuyên viên chính");
        assertThat(listed.getString("items[1].category")).isEqualTo("CIVIL_SERVANT");
        assertThat(listed.getString("items[1].phone")).isEqualTo("0912345678");
        assertThat(listed.getList("items[1].expertise")).containsExactly("tổ chức bộ máy", "tiền lương");
        assertThat(listed.getString("items[0].dateOfBirth")).isEqualTo("1975-11-02");
        assertThat(listed.getString("items[0].phone")).isEqualTo("0912000111");
        assertThat(listed.getString("items[2].gender")).isEqualTo("FEMALE");
        assertThat(listed.getString("items[2].dateOfBirth")).isEqualTo("1990-09-03");
        assertThat(listed.getString("items[2].category")).isEqualTo("PUBLIC_EMPLOYEE");
        assertThat(listed.getList("items[2].expertise")).isEmpty();

        String hoa = listed.getString("items[1].id");
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + hoa + "/audit")
            .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].action", equalTo("imported"))
                .body("items[0].actor", equalTo("bnv.admin"))
                .body("items[0].reason", containsString(DECISION))
                .body("items[0].reason", containsString("phu-luc-878.csv"))
                .body("items[0].changes.find { it.field == 'fullName' }.to", equalTo("Nguyễn Thị Hoa"));

        assertImportAnnounced(report.getString("importId"), DECISION, "phu-luc-878.csv", 3, 0, 0,
                Set.copyOf(listed.getList("items.id", String.class)));
    }

    @Test
    void importsAGoodXlsxAnnexWithExcelDatesAndOtherHeaders() throws Exception {
        String m = marker();
        // other header spellings, another column order, a real Excel date, a column the import ignores
        List<String> headers = List.of("TT", "Họ tên", "Email công vụ", "Ngày tháng năm sinh", "Giới tính",
                "Số điện thoại", "Loại", "Lĩnh vực", "Ghi chú");
        byte[] file = write(TableFormat.XLSX, headers, List.of(
                List.of(1, "Trịnh Văn Bình", m + ".binhtv@bnv.example.vn", LocalDate.of(1982, 3, 9), "Nam",
                        "0987 654 321", "Công chức", "thi đua, khen thưởng; văn thư, lưu trữ", "Tăng cường về tỉnh Lai Châu"),
                List.of(2, "Hà Thị Ánh", m + ".anhht@bnv.example.vn", "09/12/1991", "Nữ", "0912.345.678",
                        "viên chức", "lao động, việc làm", "Tăng cường về tỉnh Cà Mau")));

        JsonPath report = upload(BNV_ADMIN, "phu-luc-878.xlsx", file, XLSX)
                .queryParam("decision", DECISION) // the admin's own ministry by default
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("ministryCode", equalTo("BNV"))
                .body("committed", equalTo(true))
                .body("rows", equalTo(2))
                .body("created", equalTo(2))
                .body("errors", empty())
                .extract().jsonPath();

        JsonPath listed = given().auth().oauth2(BNV_ADMIN).queryParam("q", m).queryParam("sort", "fullName")
            .when().get(OFFICIALS)
            .then().statusCode(200).body("totalItems", equalTo(2)).extract().jsonPath();
        assertThat(listed.getList("items.fullName")).containsExactly("Hà Thị Ánh", "Trịnh Văn Bình");
        assertThat(listed.getString("items[1].dateOfBirth")).isEqualTo("1982-03-09");
        assertThat(listed.getString("items[1].phone")).isEqualTo("0987654321");
        assertThat(listed.getList("items[1].expertise")).containsExactly("thi đua, khen thưởng", "văn thư, lưu trữ");
        assertThat(listed.getString("items[0].dateOfBirth")).isEqualTo("1991-12-09");
        assertThat(listed.getString("items[0].category")).isEqualTo("PUBLIC_EMPLOYEE");

        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + listed.getString("items[0].id") + "/audit")
            .then().statusCode(200)
                .body("items[0].action", equalTo("imported"))
                .body("items[0].reason", containsString(DECISION));
        assertImportAnnounced(report.getString("importId"), DECISION, "phu-luc-878.xlsx", 2, 0, 0,
                Set.copyOf(listed.getList("items.id", String.class)));
    }

    // ---- bad files: all or nothing, every bad cell named

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryBadCellNamedAndNothingWritten() {
        String m = marker();
        byte[] file = fileWithFiveBadRows(m);
        Snapshot before = snapshot();

        JsonPath problem = upload(BNV_ADMIN, "phu-luc-loi.csv", file, CSV)
                .queryParam("ministry", "BNV").queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/unprocessable"))
                .body("status", equalTo(422))
                .body("detail", containsString("5 invalid cell(s)"))
                .body("detail", containsString("nothing was imported"))
                .extract().jsonPath();

        assertFiveBadCells(problem.getList("violations"));
        assertThat(snapshot()).isEqualTo(before);
        given().auth().oauth2(BNV_ADMIN).queryParam("q", m).get(OFFICIALS).then().body("totalItems", equalTo(0));
    }

    @Test
    void aDryRunOfABadFileReportsTheSameErrorsAndWritesNothing() {
        String m = marker();
        Snapshot before = snapshot();

        JsonPath report = upload(BNV_ADMIN, "phu-luc-loi.csv", fileWithFiveBadRows(m), CSV)
                .queryParam("ministry", "BNV").queryParam("decision", DECISION).queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("committed", equalTo(false))
                .body("rows", equalTo(8))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .extract().jsonPath();

        assertFiveBadCells(report.getList("errors"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aDryRunOfAGoodFileReportsWhatWouldBeCreatedAndWritesNothing() {
        String m = marker();
        byte[] file = goodFile(m, 4);
        Snapshot before = snapshot();

        upload(BNV_ADMIN, "phu-luc.csv", file, CSV)
                .queryParam("ministry", "BNV").queryParam("decision", DECISION).queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("committed", equalTo(false))
                .body("importId", notNullValue())
                .body("rows", equalTo(4))
                .body("created", equalTo(4))
                .body("errors", empty());

        assertThat(snapshot()).isEqualTo(before);
        given().auth().oauth2(BNV_ADMIN).queryParam("q", m).get(OFFICIALS).then().body("totalItems", equalTo(0));
        // so the real import still creates all of them
        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200).body("created", equalTo(4)).body("committed", equalTo(true));
    }

    // ---- re-imports: the work email is the natural key

    @Test
    void importingTheSameFileAgainCreatesNoDuplicates() {
        String m = marker();
        byte[] file = goodFile(m, 5);
        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS).then().statusCode(200).body("created", equalTo(5));
        Snapshot before = snapshot();

        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("committed", equalTo(true))
                .body("rows", equalTo(5))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(5));

        Snapshot after = snapshot();
        assertThat(after.officials()).isEqualTo(before.officials());
        assertThat(after.audits()).isEqualTo(before.audits());
        given().auth().oauth2(BNV_ADMIN).queryParam("q", m).get(OFFICIALS).then().body("totalItems", equalTo(5));

        // the key ignores case: the same people typed in capitals are still not created twice
        List<List<Object>> shouting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shouting.add(row(i + 1, "Cán bộ " + (i + 1), "Nam", (m + ".canbo" + i + "@bnv.example.vn").toUpperCase(Locale.ROOT)));
        }
        upload(BNV_ADMIN, "phu-luc.csv", write(TableFormat.CSV, shouting), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200).body("created", equalTo(0));
        given().auth().oauth2(BNV_ADMIN).queryParam("q", m).get(OFFICIALS).then().body("totalItems", equalTo(5));
    }

    @Test
    void reImportingWithOneChangedCellUpdatesThatOfficialAndAuditsFromAndTo() throws Exception {
        String m = marker();
        List<List<Object>> rows = goodRows(m, 3);
        upload(BNV_ADMIN, "phu-luc.csv", write(TableFormat.CSV, rows), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS).then().statusCode(200).body("created", equalTo(3));
        String email = (String) rows.get(1).get(8);
        String id = given().auth().oauth2(BNV_ADMIN).queryParam("q", email).get(OFFICIALS)
                .then().body("totalItems", equalTo(1)).extract().path("items[0].id");
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id).then().header("ETag", equalTo("\"0\""));

        rows.set(1, with(rows.get(1), 5, "Phó Vụ trưởng"));
        String decision = "901/QĐ-BNV";
        JsonPath report = upload(BNV_ADMIN, "phu-luc-sua.csv", write(TableFormat.CSV, rows), CSV)
                .queryParam("decision", decision)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(2))
                .extract().jsonPath();

        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id)
            .then().statusCode(200).body("position", equalTo("Phó Vụ trưởng")).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + id + "/audit")
            .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("imported"))
                .body("items[0].reason", containsString(decision))
                .body("items[0].changes", hasSize(1))
                .body("items[0].changes[0].field", equalTo("position"))
                .body("items[0].changes[0].from", equalTo("Chuyên viên"))
                .body("items[0].changes[0].to", equalTo("Phó Vụ trưởng"))
                .body("items[1].reason", containsString(DECISION));

        JsonNode updated = awaitRecords(r -> id.equals(r.key())
                && PersonnelEvents.OFFICIAL_UPDATED.name().equals(type(r)), 1).get(0);
        assertThat(updated.path("data").path("importId").asText()).isEqualTo(report.getString("importId"));
        assertThat(updated.path("data").path("position").asText()).isEqualTo("Phó Vụ trưởng");
    }

    @Test
    void aRowTakingTheEmailOfAnotherMinistrysOfficialIsRefused() {
        String m = marker();
        String email = m + ".lienntk@bct.example.vn";
        String bctOfficial = register(BCT_ADMIN, "Nguyễn Thị Kim Liên", email);
        List<List<Object>> rows = goodRows(m, 2);
        rows.add(row(3, "Nguyễn Thị Kim Liên", "Nữ", email.toUpperCase(Locale.ROOT)));
        Snapshot before = snapshot();

        upload(BNV_ADMIN, "phu-luc.csv", write(TableFormat.CSV, rows), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations", hasSize(1))
                .body("violations[0].row", equalTo(4))
                .body("violations[0].column", equalTo("Email"))
                .body("violations[0].field", equalTo("email"))
                .body("violations[0].message", equalTo("is the work email of an official of BCT"));

        assertThat(snapshot()).isEqualTo(before);
        given().auth().oauth2(PLATFORM_ADMIN).get(OFFICIALS + "/" + bctOfficial)
            .then().statusCode(200).body("ministryCode", equalTo("BCT")).header("ETag", equalTo("\"0\""));
    }

    @Test
    void titleLinesAboveTheHeaderAreSkippedAndErrorsGiveTheFilesRealRowNumbers() {
        String m = marker();
        // CSV: 3 title lines, the header on line 4, a blank line inside the data
        String header = String.join(",", HEADERS);
        String[] lines = {
                "DANH SÁCH CÔNG CHỨC ĐƯỢC CỬ ĐI TĂNG CƯỜNG VỀ CÁC TỈNH,,,,",
                "(Kèm theo Quyết định số 878/QĐ-BNV),,,,",
                "",
                header,
                "1,Phan Văn Tài,Nam,01/02/1983,,,,,%s.taipv@bnv.example.vn,,".formatted(m),
                "2,Võ Thị Sen,Nữ,30/02/1985,,,,,%s.senvt@bnv.example.vn,,".formatted(m),
                "",
                "3,Kim Văn Lực,Nam giới,,,,,,%s.luckv@bnv.example.vn,,".formatted(m)};
        upload(BNV_ADMIN, "phu-luc-tieu-de.csv", csv(lines), CSV).queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("rows", equalTo(3))
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(6))
                .body("errors[0].column", equalTo("Ngày sinh"))
                .body("errors[1].row", equalTo(8))
                .body("errors[1].column", equalTo("Giới tính"));

        lines[5] = lines[5].replace("30/02/1985", "28/02/1985");
        lines[7] = lines[7].replace("Nam giới", "Nam");
        upload(BNV_ADMIN, "phu-luc-tieu-de.csv", csv(lines), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200).body("rows", equalTo(3)).body("created", equalTo(3));
        given().auth().oauth2(BNV_ADMIN).queryParam("q", m).queryParam("sort", "fullName").get(OFFICIALS)
            .then().body("totalItems", equalTo(3))
                .body("items.fullName", equalTo(List.of("Kim Văn Lực", "Võ Thị Sen", "Phan Văn Tài")));

        // XLSX: two title rows and an empty one above the header on row 4; the bad date is on row 6
        List<String> title = new ArrayList<>(HEADERS);
        title.replaceAll(h -> "");
        title.set(0, "DANH SÁCH CÔNG CHỨC ĐƯỢC CỬ ĐI TĂNG CƯỜNG");
        List<Object> subtitle = new ArrayList<>(title);
        subtitle.set(0, "(Kèm theo Quyết định số 878/QĐ-BNV)");
        List<Object> blank = new ArrayList<>(title);
        blank.set(0, null);
        String n = marker();
        byte[] xlsx = write(TableFormat.XLSX, title, List.of(subtitle, blank,
                HEADERS,
                row(1, "Phan Văn Tài", "Nam", n + ".taipv@bnv.example.vn"),
                with(row(2, "Võ Thị Sen", "Nữ", n + ".senvt@bnv.example.vn"), 3, "31/04/1985")));
        upload(BNV_ADMIN, "phu-luc-tieu-de.xlsx", xlsx, XLSX).queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("rows", equalTo(2))
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(6))
                .body("errors[0].column", equalTo("Ngày sinh"))
                .body("errors[0].message", equalTo("must be a date such as 17/05/1980"));
    }

    @Test
    void aUnitIsFoundByItsCodeOrByItsName() {
        String m = marker();
        String code = "VU-" + m.toUpperCase(Locale.ROOT);
        String name = "Vụ Thử nghiệm Nhập khẩu " + m;
        String unitId = createUnit(BNV_ADMIN, code, name);
        List<List<Object>> rows = new ArrayList<>(goodRows(m, 3));
        rows.set(0, with(rows.get(0), 4, code));
        rows.set(1, with(rows.get(1), 4, name));
        rows.set(2, with(rows.get(2), 4, "VU THU NGHIEM NHAP KHAU " + m.toUpperCase(Locale.ROOT)));

        upload(BNV_ADMIN, "phu-luc-don-vi.csv", write(TableFormat.CSV, rows), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200).body("created", equalTo(3));

        given().auth().oauth2(BNV_ADMIN).queryParam("unitId", unitId).get(OFFICIALS)
            .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.unit.code", equalTo(List.of(code, code, code)))
                .body("items.unit.name", equalTo(List.of(name, name, name)));

        // a unit of another ministry is not one of ours
        String bctUnit = "VU-BCT-" + m.toUpperCase(Locale.ROOT);
        createUnit(BCT_ADMIN, bctUnit, "Vụ Thị trường " + m);
        upload(BNV_ADMIN, "phu-luc-don-vi.csv",
                write(TableFormat.CSV, List.of(with(row(1, "Lê Văn Tám", "Nam", m + ".tamlv@bnv.example.vn"), 4, bctUnit))),
                CSV).queryParam("dryRun", true)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("errors", hasSize(1))
                .body("errors[0].column", equalTo("Đơn vị"))
                .body("errors[0].message", equalTo("is not a unit code or name of BNV"));
    }

    // ---- files that are no annex, and callers who may not import

    @Test
    void aFileThatIsNotCsvOrXlsxIsA400NamingTheFile() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        upload(BNV_ADMIN, "phu-luc.xlsx", pdf, XLSX).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("detail", containsString("PDF"))
                .body("violations[0].field", equalTo("file"));
        upload(BNV_ADMIN, "phu-luc.txt", "Họ và tên,Email\r\nLê Văn An,an@bnv.example.vn\r\n"
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
            .when().post(IMPORTS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("file"))
                .body("violations[0].message", equalTo("must be a .csv or .xlsx file"));
        // a workbook renamed .csv, and a CSV that is not UTF-8 (Excel's "CSV (Comma delimited)" on Windows)
        upload(BNV_ADMIN, "phu-luc.csv", write(TableFormat.XLSX, goodRows(marker(), 1)), CSV)
            .when().post(IMPORTS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("file"))
                .body("violations[0].message", containsString(".xlsx"));
        // "Lê Văn An" as Windows-1258 writes it: ê is 0xEA, ă is 0xE3, neither valid UTF-8 there
        byte[] windows1258 = "Ho va ten,Email\r\nL\u00ea V\u00e3n An,an@bnv.example.vn\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        upload(BNV_ADMIN, "phu-luc.csv", windows1258, CSV)
            .when().post(IMPORTS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("file"))
                .body("violations[0].row", equalTo(2));
    }

    @Test
    void aRequestWithoutTheFilePartIsA400NamingFile() {
        given().auth().oauth2(BNV_ADMIN).multiPart("ghi-chu", "phu luc 878").accept("application/json")
            .when().post(IMPORTS)
            .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("file"));
    }

    @Test
    void onlyAnAdminOfTheMinistryMayImportItsAnnex() {
        String m = marker();
        byte[] file = goodFile(m, 2);
        Snapshot before = snapshot();

        upload(BCT_ADMIN, "phu-luc.csv", file, CSV).queryParam("ministry", "BNV").queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/forbidden"));
        upload(VIEWER, "phu-luc.csv", file, CSV).queryParam("ministry", "BNV").queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(403);
        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("ministry", "bnv")
            .when().post(IMPORTS)
            .then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(snapshot()).isEqualTo(before);

        // the platform admin imports for any ministry, naming it
        upload(PLATFORM_ADMIN, "phu-luc.csv", file, CSV).queryParam("ministry", "BNV").queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200).body("ministryCode", equalTo("BNV")).body("created", equalTo(2));
    }

    @Test
    void importsTenThousandRows() {
        String m = marker();
        String code = "VU-" + m.toUpperCase(Locale.ROOT);
        String unitId = createUnit(BNV_ADMIN, code, "Vụ Mười nghìn " + m);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // a unit on every third row: units stay usable across the chunks an import writes
            rows.add(row(i + 1, "Nguyễn Văn Thử " + i, i % 2 == 0 ? "Nam" : "Nữ", "17/05/1980",
                    i % 3 == 0 ? code : null, "Chuyên viên", "Chuyên viên", "Công chức",
                    m + "." + i + "@bnv.example.vn", "0912 345 678", "tổ chức bộ máy; tiền lương"));
        }
        byte[] file = write(TableFormat.CSV, rows);

        upload(BNV_ADMIN, "phu-luc-10000.csv", file, CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("rows", equalTo(10_000))
                .body("created", equalTo(10_000))
                .body("errors", empty());
        given().auth().oauth2(BNV_ADMIN).queryParam("q", m).queryParam("size", 1).get(OFFICIALS)
            .then().body("totalItems", equalTo(10_000));
        given().auth().oauth2(BNV_ADMIN).queryParam("unitId", unitId).queryParam("size", 1).get(OFFICIALS)
            .then().body("totalItems", equalTo(3_334));

        upload(BNV_ADMIN, "phu-luc-10000.csv", file, CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS)
            .then().statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(10_000));
    }

    // ---- meters

    @Test
    void theImportMetersCountRowsByOutcomeOnceCommittedAndTimeEveryImport() {
        Map<String, Double> before = importRows();
        double imports = metric("secondment_import_duration_seconds_count", "kind=\"officials\"");
        String m = marker();
        List<List<Object>> rows = goodRows(m, 3);
        upload(BNV_ADMIN, "phu-luc.csv", write(TableFormat.CSV, rows), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS).then().statusCode(200).body("created", equalTo(3));
        rows.set(1, with(rows.get(1), 5, "Phó Vụ trưởng"));
        upload(BNV_ADMIN, "phu-luc-sua.csv", write(TableFormat.CSV, rows), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS).then().statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(2));
        // a dry run writes nothing, so counts no rows; it is timed like any import
        upload(BNV_ADMIN, "phu-luc.csv", goodFile(marker(), 4), CSV).queryParam("dryRun", true)
            .when().post(IMPORTS).then().statusCode(200).body("created", equalTo(4));
        // five bad cells in five rows: the file is refused, its five rows rejected
        upload(BNV_ADMIN, "phu-luc-loi.csv", fileWithFiveBadRows(marker()), CSV).queryParam("decision", DECISION)
            .when().post(IMPORTS).then().statusCode(422);

        Map<String, Double> after = importRows();
        assertThat(after.get("created") - before.get("created")).isEqualTo(3);
        assertThat(after.get("updated") - before.get("updated")).isEqualTo(1);
        assertThat(after.get("unchanged") - before.get("unchanged")).isEqualTo(2);
        assertThat(after.get("rejected") - before.get("rejected")).isEqualTo(5);
        assertThat(metric("secondment_import_duration_seconds_count", "kind=\"officials\"")).isEqualTo(imports + 4);
    }

    /** {@code secondment.import.rows} of the officials' annex, by outcome, from the management interface. */
    private static Map<String, Double> importRows() {
        return Map.of("created", importRows("created"), "updated", importRows("updated"),
                "unchanged", importRows("unchanged"), "rejected", importRows("rejected"));
    }

    private static double importRows(String outcome) {
        return metric("secondment_import_rows_total", "kind=\"officials\"", "outcome=\"" + outcome + "\"");
    }

    /** One series of {@code /q/metrics} (Prometheus text) whose labels include {@code labels}; 0 when absent. */
    private static double metric(String name, String... labels) {
        String text = given().when().get(ManagementInterface.url("/q/metrics"))
                .then().statusCode(200).extract().asString();
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                // a sample taken inside a span carries an exemplar after " # ": the value is before it
                .map(line -> line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line)
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    // ---- helpers

    /** Eight rows, five of them bad in one cell each; the header is row 1, so data rows are rows 2 to 9. */
    private static byte[] fileWithFiveBadRows(String m) {
        return write(TableFormat.CSV, List.of(
                row(1, "Nguyễn Văn An", "Nam", m + ".annv@bnv.example.vn"),                           // row 2
                row(2, "Trần Thị Bích", "Nữ", m + ".bich@@bnv"),                                    // row 3
                row(3, "Lê Văn Cường", "Khác", m + ".cuonglv@bnv.example.vn"),                      // row 4
                row(4, "Phạm Thị Dung", "Nữ", m + ".dungpt@bnv.example.vn"),                        // row 5
                with(row(5, "Hoàng Văn Em", "Nam", m + ".emhv@bnv.example.vn"), 3, "31/02/1980"),   // row 6
                row(6, "Nguyễn Văn An", "Nam", (m + ".ANNV@bnv.example.vn")),                       // row 7
                with(row(7, "Vũ Thị Giang", "Nữ", m + ".giangvt@bnv.example.vn"), 4, "Vụ Không Có"),  // row 8
                row(8, "Đỗ Văn Hải", "Nam", m + ".haidv@bnv.example.vn")));                         // row 9
    }

    private static void assertFiveBadCells(List<Map<String, Object>> violations) {
        assertThat(violations).hasSize(5);
        assertThat(violations).extracting(v -> v.get("row"), v -> v.get("column"), v -> v.get("field"),
                        v -> v.get("message"))
                .containsExactly(
                        tuple(3, "Email", "email", "must be a well-formed email address"),
                        tuple(4, "Giới tính", "gender", "must be Nam or Nữ"),
                        tuple(6, "Ngày sinh", "dateOfBirth",
                                "must be a date such as 17/05/1980"),
                        tuple(7, "Email", "email", "is the same email as row 2"),
                        tuple(8, "Đơn vị", "unitId", "is not a unit code or name of BNV"));
    }

    private static List<List<Object>> goodRows(String m, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(i + 1, "Cán bộ " + (i + 1), i % 2 == 0 ? "Nam" : "Nữ", m + ".canbo" + i + "@bnv.example.vn"));
        }
        return rows;
    }

    private static byte[] goodFile(String m, int count) {
        return write(TableFormat.CSV, goodRows(m, count));
    }

    /** The import's summary event, exactly one, and one registration event per official carrying the import's id. */
    private void assertImportAnnounced(String importId, String decision, String fileName, int created, int updated,
                                       int unchanged, Set<String> officialIds) throws Exception {
        List<JsonNode> summaries = awaitRecords(r -> importId.equals(r.key())
                && PersonnelEvents.OFFICIALS_IMPORTED.name().equals(type(r)), 1);
        assertThat(summaries).hasSize(1);
        JsonNode summary = summaries.get(0);
        assertThat(summary.path("ministry").asText()).isEqualTo("BNV");
        JsonNode data = summary.path("data");
        assertThat(data.path("importId").asText()).isEqualTo(importId);
        assertThat(data.path("ministryCode").asText()).isEqualTo("BNV");
        assertThat(data.path("decision").asText()).isEqualTo(decision);
        assertThat(data.path("fileName").asText()).isEqualTo(fileName);
        assertThat(data.path("created").asInt()).isEqualTo(created);
        assertThat(data.path("updated").asInt()).isEqualTo(updated);
        assertThat(data.path("unchanged").asInt()).isEqualTo(unchanged);
        assertThat(data.path("importedBy").asText()).isEqualTo("bnv.admin");

        List<JsonNode> registered = awaitRecords(r -> r.value().contains(importId)
                && PersonnelEvents.OFFICIAL_REGISTERED.name().equals(type(r)), officialIds.size());
        assertThat(registered).hasSize(officialIds.size());
        assertThat(registered.stream().map(e -> e.path("data").path("importId").asText()).collect(Collectors.toSet()))
                .containsExactly(importId);
        assertThat(registered.stream().map(e -> e.path("subject").asText()).collect(Collectors.toSet()))
                .isEqualTo(officialIds);
        // without personal data, like every official event
        assertThat(registered.get(0).path("data").has("phone")).isFalse();
    }

    /** The envelopes of the records on personnel.events matching {@code wanted}, once at least {@code count} arrived. */
    private List<JsonNode> awaitRecords(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return kafka.awaitPublished(Topics.PERSONNEL, wanted, count).stream().map(TopicRecords::envelope).toList();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicRecords.type(record);
    }

    /** How many officials, audit entries and outbox events the database holds. */
    record Snapshot(long officials, long audits, long events) {
    }

    private Snapshot snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> new Snapshot(
                count("select count(*) from official"),
                count("select count(*) from audit_entry"),
                count("select count(*) from outbox_event")));
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
