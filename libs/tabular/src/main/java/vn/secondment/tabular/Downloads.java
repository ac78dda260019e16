package vn.secondment.tabular;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import vn.secondment.rest.problem.ProblemException;

/**
 * How every export answers over HTTP: the {@code format} parameter ({@code csv} or {@code xlsx}) and a file to save
 * under the name it suggests. CSV says it is UTF-8 (the file also starts with a byte-order mark, for Excel).
 */
public final class Downloads {

    /** The media types of {@link TableFormat}, as constants for the resources' annotations. */
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The {@code format} parameter, as the resources document it. */
    public static final String FORMAT = "format";
    public static final String FORMAT_DESCRIPTION = "csv or xlsx";

    private Downloads() {
    }

    /** The format asked for; a 400 problem on {@code format} for anything but csv or xlsx. */
    public static TableFormat format(String format) {
        return TableFormat.ofFileName("export." + format)
                .orElseThrow(() -> ProblemException.invalid(FORMAT, "must be " + FORMAT_DESCRIPTION));
    }

    /** {@code file} as an attachment named {@code baseName} plus the format's extension. */
    public static Response attachment(StreamingOutput file, TableFormat format, String baseName) {
        String fileName = baseName + "." + format.extension();
        return Response.ok(file, format.mediaType() + (format == TableFormat.CSV ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
