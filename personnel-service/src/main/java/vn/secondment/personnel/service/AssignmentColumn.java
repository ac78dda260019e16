package vn.secondment.personnel.service;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a decision annex that say where and as what each official goes, read only when the annex is
 * imported into a deployment (otherwise ignored, as before). Kept apart from {@link AnnexColumn}, whose columns are
 * the official's own details and make up the directory's export.
 */
public enum AssignmentColumn {
    PROVINCE("provinceCode", "Tỉnh, thành phố", "tỉnh", "tỉnh/thành phố", "tỉnh thành phố", "địa bàn",
            "địa bàn tăng cường", "nơi tăng cường", "province"),
    ROLE("role", "Vai trò", "nhiệm vụ", "role");

    private final String field;
    private final String header;
    private final List<String> keys;

    AssignmentColumn(String field, String header, String... aliases) {
        this.field = field;
        this.header = header;
        this.keys = ColumnHeaders.keys(header, aliases);
    }

    public String field() {
        return field;
    }

    public String header() {
        return header;
    }

    public static Optional<AssignmentColumn> ofHeader(String header) {
        return ColumnHeaders.match(values(), column -> column.keys, header);
    }
}
