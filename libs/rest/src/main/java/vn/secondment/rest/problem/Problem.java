package vn.secondment.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type       stable identifier of the kind of problem (a URI; clients switch on it)
 * @param title      short human summary of the kind of problem
 * @param status     the HTTP status code
 * @param detail     human explanation of this occurrence
 * @param instance   the request path
 * @param violations one entry per invalid field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(URI type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input.
     *
     * @param field   where: a JSON path into the body ({@code fullName}, {@code expertise[2]}), or a parameter name
     * @param message what is wrong, for a human
     * @param row     for an uploaded file: the row number as the user sees it in Excel; otherwise absent
     * @param column  for an uploaded file: the column's header as written in the file; otherwise absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Violation")
    public record Violation(String field, String message, Integer row, String column) {

        public Violation(String field, String message) {
            this(field, message, null, null);
        }
    }
}
