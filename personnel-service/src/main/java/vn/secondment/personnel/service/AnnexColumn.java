package vn.secondment.personnel.service;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a decision annex (the list of officials a ministry seconds), recognised by their header in
 * Vietnamese or English, ignoring case and diacritics. Columns not listed here (STT, Ghi chú...) are ignored.
 * The export writes the first header of each column, so an exported file can be imported again.
 */
public enum AnnexColumn {
    FULL_NAME("fullName", "Họ và tên", "họ tên", "full name", "fullname"),
    GENDER("gender", "Giới tính", "gender"),
    DATE_OF_BIRTH("dateOfBirth", "Ngày sinh", "ngày tháng năm sinh", "date of birth", "dateofbirth"),
    UNIT("unitId", "Đơn vị", "đơn vị công tác", "unit"),
    POSITION("position", "Chức vụ", "position"),
    GRADE("grade", "Ngạch", "ngạch công chức", "grade"),
    CATEGORY("category", "Công chức/Viên chức", "loại", "category"),
    EMAIL("email", "Email", "email công vụ", "thư điện tử", "work email"),
    PHONE("phone", "Điện thoại", "số điện thoại", "phone"),
    EXPERTISE("expertise", "Lĩnh vực chuyên môn", "lĩnh vực", "expertise");

    /** The request field the column fills; validation messages name it. */
    private final String field;
    private final String header;
    private final List<String> keys;

    AnnexColumn(String field, String header, String... aliases) {
        this.field = field;
        this.header = header;
        this.keys = ColumnHeaders.keys(header, aliases);
    }

    public String field() {
        return field;
    }

    /** The header the export writes and the documentation shows. */
    public String header() {
        return header;
    }

    public static Optional<AnnexColumn> ofHeader(String header) {
        return ColumnHeaders.match(values(), column -> column.keys, header);
    }

    public static Optional<AnnexColumn> ofField(String field) {
        for (AnnexColumn column : values()) {
            if (column.field.equals(field)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** A header row names at least the full name and the email, the two columns every annex row needs. */
    public static boolean isHeader(List<String> cells) {
        List<AnnexColumn> found = cells.stream().map(AnnexColumn::ofHeader).flatMap(Optional::stream).toList();
        return found.contains(FULL_NAME) && found.contains(EMAIL);
    }
}
