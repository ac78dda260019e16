package vn.secondment.report.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.tabular.TableFormat;

/** How this service's exports answer: {@code format=csv|xlsx}, a file to save under a name it suggests. */
final class Spreadsheets {

    /** TableFormat's media types, as constants for the annotations. */
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    /** The format asked for; 400 on {@code format} for anything but csv or xlsx. */
    static TableFormat format(String format) {
        return TableFormat.ofFileName("export." + format)
                .orElseThrow(() -> ProblemException.invalid("format", "must be csv or xlsx"));
    }

    /** The file as an attachment named {@code baseName} plus the format's extension; CSV says it is UTF-8. */
    static Response attachment(StreamingOutput file, TableFormat format, String baseName) {
        String fileName = baseName + "." + format.extension();
        return Response.ok(file, format.mediaType() + (format == TableFormat.CSV ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
