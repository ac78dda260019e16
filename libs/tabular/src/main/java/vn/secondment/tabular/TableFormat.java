package vn.secondment.tabular;

import java.util.Locale;
import java.util.Optional;

/**
 * The spreadsheet formats an import accepts and an export produces. Both lookups are lenient about case because
 * file names and {@code Content-Type} headers come from users' machines.
 */
public enum TableFormat {
    CSV(Downloads.CSV, "csv"),
    XLSX(Downloads.XLSX, "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to send with an export, e.g. in {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format of a file by its extension, ignoring case ({@code "Danh sách.XLSX"} is XLSX). Prefer this to
     * {@link #ofMediaType}: browsers on Windows often send {@code application/vnd.ms-excel} for a .csv file.
     */
    public static Optional<TableFormat> ofFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format of a media type, ignoring case and parameters ({@code "text/csv; charset=utf-8"} is CSV). */
    public static Optional<TableFormat> ofMediaType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            if (format.mediaType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
