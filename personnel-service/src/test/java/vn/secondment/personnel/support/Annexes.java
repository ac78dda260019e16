package vn.secondment.personnel.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.secondment.personnel.service.AnnexColumn;
import vn.secondment.tabular.Table;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableReader;
import vn.secondment.tabular.TableWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Annex files for import tests, written and read with the platform's own tabular library, and their upload. */
public final class Annexes {

    public static final String IMPORTS = Directory.OFFICIALS + "/imports";
    public static final String EXPORT = Directory.OFFICIALS + "/export";
    public static final String CSV = TableFormat.CSV.mediaType();
    public static final String XLSX = TableFormat.XLSX.mediaType();
    public static final String DECISION = "878/QĐ-BNV";

    /** The annex columns with the headers ministries write, as in the samples. */
    public static final List<String> HEADERS = List.of("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị",
            "Chức vụ", "Ngạch", "Công chức/Viên chức", "Email", "Điện thoại", "Lĩnh vực chuyên môn");

    private Annexes() {
    }

    /** A word no other test uses, to start the emails of one test's officials with (searchable as an email prefix). */
    public static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** One annex row under {@link #HEADERS}. */
    public static List<Object> row(int stt, String fullName, String gender, Object dateOfBirth, String unit,
                                   String position, String grade, String category, String email, String phone,
                                   String expertise) {
        return Arrays.asList(stt, fullName, gender, dateOfBirth, unit, position, grade, category, email, phone,
                expertise);
    }

    /** A typical good row: a civil servant of no unit. */
    public static List<Object> row(int stt, String fullName, String gender, String email) {
        return row(stt, fullName, gender, "17/05/1980", null, "Chuyên viên", "Chuyên viên chính", "Công chức",
                email, "0912 345 678", "tổ chức bộ máy; tiền lương");
    }

    /** A file written by {@link TableWriter}: the header row, then the rows. */
    public static byte[] write(TableFormat format, List<String> headers, List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(out, format, "Phụ lục", headers)) {
            rows.forEach(writer::row);
        }
        return out.toByteArray();
    }

    public static byte[] write(TableFormat format, List<? extends List<?>> rows) {
        return write(format, HEADERS, rows);
    }

    /** A CSV file as typed: UTF-8 with a byte order mark, lines as given. */
    public static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A row with one more cell changed. */
    public static List<Object> with(List<Object> row, int column, Object value) {
        List<Object> changed = new ArrayList<>(row);
        changed.set(column, value);
        return changed;
    }

    public static Table read(byte[] file, TableFormat format) {
        return TableReader.read(new ByteArrayInputStream(file), format, AnnexColumn::isHeader, 100_000);
    }

    /** An upload of {@code file} as the form field "file", by the holder of {@code token}. */
    public static RequestSpecification upload(String token, String fileName, byte[] file, String mediaType) {
        return given().auth().oauth2(token).multiPart("file", fileName, file, mediaType).accept(ContentType.JSON);
    }

    /** Creates a unit of the admin's ministry and returns its id. */
    public static String createUnit(String adminToken, String code, String name) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"code\": \"%s\", \"name\": \"%s\", \"type\": \"DEPARTMENT\"}".formatted(code, name))
                .when().post(Directory.UNITS)
                .then().statusCode(201).body("code", equalTo(code)).extract().path("id");
    }
}
