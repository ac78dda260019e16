package vn.secondment.personnel.service;

import vn.secondment.rest.Text;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
        this.keys = Stream.concat(Stream.of(header), Stream.of(aliases)).map(Text::fold).toList();
    }

    public String field() {
        return field;
    }

    public String header() {
        return header;
    }

    public static Optional<AssignmentColumn> ofHeader(String header) {
        String key = Text.fold(header);
        for (AssignmentColumn column : values()) {
            if (column.keys.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
