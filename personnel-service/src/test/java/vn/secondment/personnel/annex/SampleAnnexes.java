package vn.secondment.personnel.annex;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import vn.secondment.rest.Text;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the sample annexes of {@code personnel-service/samples/} (fictional officials, one per province of the 34),
 * with {@link TableWriter} like every file the platform writes. {@code AnnexImportTest} checks that the committed
 * files are exactly what this writes and that they import cleanly. To regenerate them, from {@code personnel-service}:
 * <pre>
 * ../mvnw -B -o -q test-compile exec:java -Dexec.mainClass=vn.secondment.personnel.annex.SampleAnnexes \
 *     -Dexec.classpathScope=test -Dexec.args=samples
 * </pre>
 */
public final class SampleAnnexes {

    public static final String BNV_CSV = "phu-luc-878-QD-BNV.csv";
    public static final String BCT_XLSX = "phu-luc-BCT.xlsx";
    public static final String BNV_DECISION = "878/QĐ-BNV";
    public static final String BCT_DECISION = "1234/QĐ-BCT";
    public static final int ROWS = 34;

    /**
     * The columns of an annex, in the order ministries' annexes use. "Tỉnh, thành phố" is read only when the annex is
     * imported into a deployment; "Ghi chú" is never imported.
     */
    public static final List<String> HEADERS = List.of("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị",
            "Chức vụ", "Ngạch", "Công chức/Viên chức", "Email", "Điện thoại", "Lĩnh vực chuyên môn",
            "Tỉnh, thành phố", "Ghi chú");

    /** The 34 provinces and centrally-run cities since 1 July 2025 (Nghị quyết 202/2025/QH15). */
    static final List<String> PROVINCES = List.of(
            "thành phố Hà Nội", "thành phố Huế", "thành phố Hải Phòng", "thành phố Đà Nẵng",
            "Thành phố Hồ Chí Minh", "thành phố Cần Thơ", "tỉnh Tuyên Quang", "tỉnh Lào Cai", "tỉnh Thái Nguyên",
            "tỉnh Phú Thọ", "tỉnh Bắc Ninh", "tỉnh Hưng Yên", "tỉnh Ninh Bình", "tỉnh Quảng Trị", "tỉnh Quảng Ngãi",
            "tỉnh Gia Lai", "tỉnh Khánh Hòa", "tỉnh Lâm Đồng", "tỉnh Đắk Lắk", "tỉnh Đồng Nai", "tỉnh Tây Ninh",
            "tỉnh Vĩnh Long", "tỉnh Đồng Tháp", "tỉnh Cà Mau", "tỉnh An Giang", "tỉnh Cao Bằng", "tỉnh Điện Biên",
            "tỉnh Hà Tĩnh", "tỉnh Lai Châu", "tỉnh Lạng Sơn", "tỉnh Nghệ An", "tỉnh Quảng Ninh", "tỉnh Thanh Hóa",
            "tỉnh Sơn La");

    private static final List<String> BNV_NAMES = List.of(
            "Nguyễn Thị Thu Hà", "Trần Văn Hùng", "Lê Minh Tuấn", "Phạm Thị Lan Anh", "Hoàng Quốc Bảo",
            "Vũ Thị Ngọc Ánh", "Đặng Văn Khoa", "Bùi Thị Hồng Nhung", "Đỗ Mạnh Cường", "Hồ Thị Mai Phương",
            "Ngô Đức Thắng", "Dương Thị Thanh Huyền", "Lý Văn Long", "Trịnh Thị Thảo", "Đinh Công Hiếu",
            "Mai Thị Hương Giang", "Phan Thanh Sơn", "Lương Thị Yến", "Tạ Quang Vinh", "Cao Thị Kim Oanh",
            "Chu Văn Nghĩa", "Lâm Thị Bích Ngọc", "Kiều Minh Đức", "Tô Thị Diệu Linh", "Hà Văn Toàn",
            "Nông Thị Hạnh", "Lò Văn Thành", "Nguyễn Hữu Phúc", "Trương Thị Quỳnh", "Hoàng Văn Dũng",
            "Lê Thị Hoài Thu", "Vương Đình Quang", "Nguyễn Thị Minh Châu", "Cầm Văn Hải");

    private static final List<String> BCT_NAMES = List.of(
            "Nguyễn Văn An", "Trần Thị Bích Hằng", "Lê Hoàng Nam", "Phạm Thị Thùy Dung", "Võ Minh Trí",
            "Huỳnh Thị Ngọc Trâm", "Đoàn Văn Tâm", "Nguyễn Thị Kim Liên", "Bùi Quang Huy", "Đặng Thị Thanh Tâm",
            "Phùng Văn Hòa", "Lê Thị Ngân", "Trần Đức Anh", "Vũ Thị Hải Yến", "Hoàng Minh Khôi", "Nguyễn Thị Lụa",
            "Đào Văn Thịnh", "Phạm Thị Mỹ Duyên", "Ngô Quang Trung", "Lê Thị Tuyết Mai", "Trịnh Văn Quyết",
            "Đỗ Thị Phương Thảo", "Hồ Văn Lợi", "Nguyễn Thị Hồng Vân", "Mạc Văn Tiến", "Châu Thị Mỹ Hạnh",
            "Lại Văn Sáng", "Triệu Thị Hoa", "Ông Văn Bình", "Thái Thị Kiều Oanh", "Quách Minh Nhật",
            "Diệp Thị Xuân", "Phí Văn Lâm", "Âu Thị Thanh Nhàn");

    private static final List<String> BNV_EXPERTISE = List.of("tổ chức bộ máy", "tiền lương", "cải cách hành chính",
            "chính quyền địa phương", "công chức, viên chức", "thi đua, khen thưởng", "văn thư, lưu trữ",
            "lao động, việc làm", "bảo hiểm xã hội", "người có công", "công tác thanh niên");
    private static final List<String> BCT_EXPERTISE = List.of("xúc tiến thương mại", "xuất nhập khẩu", "năng lượng",
            "điện lực", "công nghiệp hỗ trợ", "quản lý thị trường", "an toàn kỹ thuật công nghiệp",
            "thương mại điện tử", "hóa chất", "phòng vệ thương mại", "thị trường trong nước");
    private static final List<String> POSITIONS = List.of("Phó Vụ trưởng", "Trưởng phòng", "Phó Trưởng phòng",
            "Chuyên viên", "Phó Cục trưởng", "Phó Chánh Văn phòng", "Phó Chánh Thanh tra");
    private static final List<String> GRADES = List.of("Chuyên viên cao cấp", "Chuyên viên chính", "Chuyên viên chính",
            "Chuyên viên", "Chuyên viên cao cấp", "Chuyên viên chính", "Thanh tra viên chính");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** fastexcel stamps docProps/core.xml with the time of writing; the samples carry this one instead. */
    private static final String CREATED = "2025-07-01T00:00:00Z";
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2025, 7, 1, 0, 0);

    private SampleAnnexes() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "samples");
        Files.createDirectories(folder);
        Files.write(folder.resolve(BNV_CSV), bnvCsv());
        Files.write(folder.resolve(BCT_XLSX), bctXlsx());
        System.out.println("Wrote " + folder.resolve(BNV_CSV) + " and " + folder.resolve(BCT_XLSX));
    }

    /** Bộ Nội vụ's annex as CSV UTF-8 with a byte order mark, under the title lines of a real annex. */
    public static byte[] bnvCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // TableWriter writes its first row as the header: here the title line, the real header comes after it
        try (TableWriter csv = TableWriter.open(out, TableFormat.CSV, "Phụ lục", line("Phụ lục"))) {
            csv.row(line("DANH SÁCH CÔNG CHỨC ĐƯỢC CỬ ĐI TĂNG CƯỜNG VỀ CÁC TỈNH, THÀNH PHỐ"));
            csv.row(line("(Kèm theo Quyết định số " + BNV_DECISION + " của Bộ trưởng Bộ Nội vụ)"));
            csv.row(HEADERS);
            rows("bnv.example.vn", BNV_NAMES, BNV_EXPERTISE, 0).forEach(csv::row);
        }
        return out.toByteArray();
    }

    /** Bộ Công Thương's annex as an Excel workbook, the header on the first row. */
    public static byte[] bctXlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = TableWriter.open(out, TableFormat.XLSX, "Phụ lục", HEADERS)) {
            rows("bct.example.vn", BCT_NAMES, BCT_EXPERTISE, 3).forEach(xlsx::row);
        }
        return reproducible(out.toByteArray());
    }

    /** The emails of a sample, in row order. */
    public static List<String> emails(String file) {
        return switch (file) {
            case BNV_CSV -> emails(BNV_NAMES, "bnv.example.vn");
            case BCT_XLSX -> emails(BCT_NAMES, "bct.example.vn");
            default -> throw new IllegalArgumentException(file);
        };
    }

    private static List<List<Object>> rows(String domain, List<String> names, List<String> expertise, int seed) {
        List<String> emails = emails(names, domain);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int n = i + seed;
            String name = names.get(i);
            boolean publicEmployee = n % 7 == 5;
            LocalDate born = LocalDate.of(1972 + (n * 7) % 20, 1 + (n * 5) % 12, 1 + (n * 11) % 28);
            rows.add(Arrays.asList(
                    i + 1,
                    name,
                    name.contains(" Thị ") ? "Nữ" : "Nam",
                    born.format(DAY_MONTH_YEAR),
                    null,
                    publicEmployee ? "Phó Giám đốc Trung tâm" : POSITIONS.get(n % POSITIONS.size()),
                    publicEmployee ? "Nghiên cứu viên chính" : GRADES.get(n % GRADES.size()),
                    publicEmployee ? "Viên chức" : "Công chức",
                    emails.get(i),
                    "09%02d %03d %03d".formatted(12 + (n * 37) % 87, (n * 211 + 45) % 1000, (n * 97 + 13) % 1000),
                    expertise.get(n % expertise.size()) + "; " + expertise.get((n + 1 + n % 4) % expertise.size()),
                    PROVINCES.get(i),
                    "Tăng cường về " + PROVINCES.get(i)));
        }
        return rows;
    }

    /** Work emails as ministries make them: given name then the initials of the others, "hantt" for Nguyễn Thị Thu Hà. */
    private static List<String> emails(List<String> names, String domain) {
        Set<String> taken = new HashSet<>();
        List<String> emails = new ArrayList<>();
        for (String name : names) {
            String[] words = Text.fold(name).split(" ");
            StringBuilder local = new StringBuilder(words[words.length - 1]);
            for (int w = 0; w < words.length - 1; w++) {
                local.append(words[w].charAt(0));
            }
            String email = local + "@" + domain;
            for (int k = 2; !taken.add(email); k++) {
                email = local.toString() + k + "@" + domain;
            }
            emails.add(email);
        }
        return emails;
    }

    /** A row of the width of {@link #HEADERS} with text in its first cell only, like a title line in Excel. */
    private static List<String> line(String text) {
        List<String> cells = new ArrayList<>(HEADERS.size());
        cells.add(text);
        while (cells.size() < HEADERS.size()) {
            cells.add("");
        }
        return cells;
    }

    /**
     * The same workbook with its creation time pinned and its zip entries stored uncompressed with a fixed time, so
     * that the same rows always give the same bytes (deflate output may differ between zlib versions).
     */
    static byte[] reproducible(byte[] xlsx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // commons-compress reads the central directory: fastexcel writes sizes after the data, which
        // java.util.zip.ZipInputStream refuses for zip64 entries
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
                byte[] content;
                try (InputStream data = in.getInputStream(entry)) {
                    content = data.readAllBytes();
                }
                if (entry.getName().equals("docProps/core.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + CREATED + "$2")
                            .getBytes(StandardCharsets.UTF_8);
                }
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                copy.setCrc(crc.getValue());
                copy.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
