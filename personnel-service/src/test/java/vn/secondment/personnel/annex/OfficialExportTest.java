package vn.secondment.personnel.annex;

import vn.secondment.personnel.service.OfficialExport;
import vn.secondment.personnel.support.Directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.secondment.tabular.Row;
import vn.secondment.tabular.Table;
import vn.secondment.tabular.TableFormat;
import vn.secondment.testing.WithRealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static vn.secondment.personnel.support.Annexes.CSV;
import static vn.secondment.personnel.support.Annexes.EXPORT;
import static vn.secondment.personnel.support.Annexes.IMPORTS;
import static vn.secondment.personnel.support.Annexes.XLSX;
import static vn.secondment.personnel.support.Annexes.createUnit;
import static vn.secondment.personnel.support.Annexes.marker;
import static vn.secondment.personnel.support.Annexes.read;
import static vn.secondment.personnel.support.Annexes.upload;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_COORDINATOR;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.VIEWER;
import static vn.secondment.personnel.support.Directory.officer;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/** Exports of the official list to CSV and XLSX: the file Excel opens, the list's filters and masking, re-import. */
@QuarkusTest
@WithRealInfrastructure
class OfficialExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER_LINE = "Họ và tên,Giới tính,Ngày sinh,Đơn vị,Chức vụ,Ngạch,Công chức/Viên chức,"
            + "Email,Điện thoại,Lĩnh vực chuyên môn,Bộ,Tình trạng biệt phái,Đang hoạt động,Mã cán bộ";

    /** Three officials in a unit of their own. */
    private record Fixture(String unitId, String unitName, String hoa, String hoaEmail, String duc, String ducEmail,
                           String ung) {
    }

    private static Fixture fixture() {
        String m = marker();
        String unitName = "Vụ Xuất dữ liệu " + m;
        String unitId = createUnit(BNV_ADMIN, "XD-" + m.toUpperCase(Locale.ROOT), unitName);
        String hoaEmail = uniqueEmail("hoa.nt");
        String hoa = add(unitId, "Nguyễn Thị Hoa", hoaEmail, o -> o);
        String ducEmail = uniqueEmail("duc.dv");
        String duc = add(unitId, "Đặng Văn Đức", ducEmail, o -> {
            o.put("gender", "MALE");
            o.put("dateOfBirth", "1975-11-02");
            o.put("position", "Vụ trưởng");
            o.put("category", "PUBLIC_EMPLOYEE");
            o.put("phone", "+84 912 000 111");
            o.put("expertise", List.of("cải cách hành chính"));
            return o;
        });
        String ung = add(unitId, "Ông Thị Ửng", uniqueEmail("ung.ot"), o -> {
            o.put("dateOfBirth", null);
            o.put("phone", null);
            o.put("grade", null);
            o.put("position", null);
            o.put("expertise", List.of());
            return o;
        });
        return new Fixture(unitId, unitName, hoa, hoaEmail, duc, ducEmail, ung);
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkTheAnnexHeadersAndVietnameseNamesIntact() {
        Fixture f = fixture();

        Response response = export(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"can-bo-" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + ".csv\"");
        byte[] file = response.asByteArray();
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);

        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(HEADER_LINE + "\r\n");
        assertThat(text).contains("Nguyễn Thị Hoa", "Đặng Văn Đức", "Ông Thị Ửng", f.unitName());
        assertThat(OfficialExport.headers()).startsWith("Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị", "Chức vụ",
                "Ngạch", "Công chức/Viên chức", "Email", "Điện thoại", "Lĩnh vực chuyên môn");

        Table table = read(file, TableFormat.CSV);
        assertThat(table.header().cells()).isEqualTo(OfficialExport.headers());
        // the list's default order: by given name
        assertThat(table.rows()).extracting(row -> row.cell(0)).containsExactly("Đặng Văn Đức", "Nguyễn Thị Hoa",
                "Ông Thị Ửng");
        Row hoa = table.rows().get(1);
        assertThat(Normalizer.isNormalized(hoa.cell(0), Normalizer.Form.NFC)).isTrue();
        assertThat(hoa.cells()).containsExactly("Nguyễn Thị Hoa", "Nữ", "1980-05-17", f.unitName(), "Chuyên viên",
                "chuyên viên chính", "công chức", f.hoaEmail(), "0912345678", "tổ chức bộ máy; tiền lương", "BNV",
                "AVAILABLE", "true", f.hoa());
        Row duc = table.rows().get(0);
        assertThat(duc.cell(1)).isEqualTo("Nam");
        assertThat(duc.cell(6)).isEqualTo("viên chức");
        assertThat(duc.cell(13)).isEqualTo(f.duc());
        Row ung = table.rows().get(2);
        assertThat(ung.cell(2)).isEmpty();
        assertThat(ung.cell(8)).isEmpty();
        assertThat(ung.cell(9)).isEmpty();
    }

    @Test
    void honoursTheListsFilters() {
        Fixture f = fixture();

        assertThat(exportedNames(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()).queryParam("position", "VỤ TRƯỞNG")))
                .containsExactly("Đặng Văn Đức");
        assertThat(exportedNames(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()).queryParam("q", "hoa")))
                .containsExactly("Nguyễn Thị Hoa");
        assertThat(exportedNames(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId())
                .queryParam("expertise", "cai cach hanh chinh")))
                .containsExactly("Đặng Văn Đức");
        assertThat(exportedNames(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId())
                .queryParam("category", "CIVIL_SERVANT").queryParam("sort", "-fullName")))
                .containsExactly("Ông Thị Ửng", "Nguyễn Thị Hoa");
        assertThat(exportedNames(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()).queryParam("ministry", "BCT")))
                .isEmpty();
        // a bad filter is refused before the file starts
        export(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()).queryParam("sort", "phone"))
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("sort"));
    }

    @Test
    void masksPersonalDetailsLikeTheList() {
        Fixture f = fixture();

        for (String outsider : List.of(VIEWER, BCT_ADMIN)) {
            Row hoa = row(export(outsider, s -> s.queryParam("unitId", f.unitId()).queryParam("q", "hoa")));
            assertThat(hoa.cell(0)).isEqualTo("Nguyễn Thị Hoa");
            assertThat(hoa.cell(2)).as("date of birth").isEmpty();
            assertThat(hoa.cell(8)).as("phone").isEqualTo("*******678");
        }
        for (String insider : List.of(BNV_ADMIN, BNV_COORDINATOR, PLATFORM_ADMIN)) {
            Row hoa = row(export(insider, s -> s.queryParam("unitId", f.unitId()).queryParam("q", "hoa")));
            assertThat(hoa.cell(2)).isEqualTo("1980-05-17");
            assertThat(hoa.cell(8)).isEqualTo("0912345678");
        }
        // an officer exports only their own record
        assertThat(exportedNames(officer("BNV", f.hoaEmail()), s -> s.queryParam("unitId", f.unitId())))
                .containsExactly("Nguyễn Thị Hoa");
    }

    @Test
    void xlsxIsAWorkbookTheTabularReaderReadsBack() {
        Fixture f = fixture();

        Response response = export(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()).queryParam("format", "xlsx"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(XLSX);
        assertThat(response.header("Content-Disposition")).endsWith(".xlsx\"");
        byte[] file = response.asByteArray();
        assertThat(file).startsWith('P', 'K', 3, 4);

        Table table = read(file, TableFormat.XLSX);
        assertThat(table.header().cells()).isEqualTo(OfficialExport.headers());
        assertThat(table.rows()).extracting(r -> r.cell(0))
                .containsExactly("Đặng Văn Đức", "Nguyễn Thị Hoa", "Ông Thị Ửng");
        Row hoa = table.rows().get(1);
        assertThat(hoa.cell(2)).isEqualTo("1980-05-17");
        assertThat(hoa.cell(3)).isEqualTo(f.unitName());
        assertThat(hoa.cell(8)).as("leading zero kept").isEqualTo("0912345678");
        assertThat(hoa.cell(9)).isEqualTo("tổ chức bộ máy; tiền lương");
        assertThat(hoa.cell(12)).isEqualTo("true");
        assertThat(hoa.cell(13)).isEqualTo(f.hoa());

        // the format's case does not matter
        export(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId()).queryParam("format", "XLSX"))
                .then().statusCode(200).contentType(XLSX);
    }

    @Test
    void anUnknownFormatIsA400NamingFormat() {
        export(BNV_ADMIN, s -> s.queryParam("format", "pdf"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/validation"))
                .body("violations[0].field", equalTo("format"))
                .body("violations[0].message", containsString("csv"));
    }

    @Test
    void anExportedFileImportsAgainWithoutChanges() {
        Fixture f = fixture();

        for (TableFormat format : TableFormat.values()) {
            byte[] file = export(BNV_ADMIN, s -> s.queryParam("unitId", f.unitId())
                    .queryParam("format", format.extension())).asByteArray();
            upload(BNV_ADMIN, "can-bo." + format.extension(), file, format == TableFormat.CSV ? CSV : XLSX)
                    .queryParam("ministry", "BNV").queryParam("decision", "878/QĐ-BNV")
                .when().post(IMPORTS)
                .then().statusCode(200)
                    .body("errors", empty())
                    .body("rows", equalTo(3))
                    .body("created", equalTo(0))
                    .body("updated", equalTo(0))
                    .body("unchanged", equalTo(3));
        }
        given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + f.duc())
            .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("phone", equalTo("+84912000111"))
                .body("unit.id", equalTo(f.unitId()));
    }

    // ---- helpers

    private static String add(String unitId, String fullName, String email,
                              UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> body = Directory.officialFields(fullName, email, unitId);
        try {
            return given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(change.apply(body)))
                .when().post(OFFICIALS)
                .then().statusCode(201).extract().path("id");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response export(String token, UnaryOperator<RequestSpecification> query) {
        return query.apply(given().auth().oauth2(token)).when().get(EXPORT);
    }

    private static List<String> exportedNames(String token, UnaryOperator<RequestSpecification> query) {
        Response response = export(token, query);
        response.then().statusCode(200).contentType(startsWith("text/csv"));
        return read(response.asByteArray(), TableFormat.CSV).rows().stream().map(r -> r.cell(0)).toList();
    }

    /** The one row of a CSV export. */
    private static Row row(Response response) {
        response.then().statusCode(200);
        List<Row> rows = read(response.asByteArray(), TableFormat.CSV).rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
