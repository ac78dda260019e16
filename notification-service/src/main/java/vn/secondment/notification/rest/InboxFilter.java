package vn.secondment.notification.rest;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.notification.repository.InboxEntryRepository.Filter;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The filters of the inbox list; they combine, within what the caller sees. */
public class InboxFilter {

    static final String TIME_MESSAGE = "must be an instant (2025-09-03T08:00:00Z, or with an offset such as "
            + "2025-09-03T15:00:00+07:00) or a day in Vietnam time (2025-09-03)";

    @QueryParam("unread")
    @Parameter(description = "true: only entries the caller has not read; false: only those they read", example = "true")
    public Boolean unread;

    @QueryParam("type")
    @Parameter(description = "Event type prefix, e.g. vn.secondment.personnel. or a full type",
            example = "vn.secondment.personnel.")
    @Size(max = 200)
    public String type;

    @QueryParam("subjectId")
    @Parameter(description = "Only entries about this aggregate (an official, an assignment, a report...)",
            example = "0f8fad5b-d9cb-469f-a165-70867728950e")
    @Size(max = 100)
    public String subjectId;

    @QueryParam("from")
    @Parameter(description = "Created at or after this instant, or from the start of this day (Vietnam time). A "
            + "client whose live stream dropped catches up with from = the newest createdAt it has.",
            example = "2025-09-03T08:00:00Z")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Created at or before this instant, or until the end of this day (Vietnam time)",
            example = "2025-09-30")
    public String to;

    /** The parsed filter; every unreadable value is one violation, named by its parameter. */
    public Filter toFilter() {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant start = startOf("from", from, violations);
        Instant end = endOf("to", to, violations);
        if (start != null && end != null && start.isAfter(end)) {
            violations.add(new Problem.Violation("to", "must not be before from"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The inbox filters are not valid", violations);
        }
        return new Filter(unread, blankToNull(type), blankToNull(subjectId), start, end);
    }

    /** An instant as given, or a Vietnam day's first instant. */
    static Instant startOf(String field, String value, List<Problem.Violation> violations) {
        return parse(field, value, false, violations);
    }

    /** An instant as given, or a Vietnam day's last instant (stored times have microseconds). */
    static Instant endOf(String field, String value, List<Problem.Violation> violations) {
        return parse(field, value, true, violations);
    }

    private static Instant parse(String field, String value, boolean endOfDay, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay
                        ? day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant().minus(1, ChronoUnit.MICROS)
                        : day.atStartOfDay(VietnamTime.ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, TIME_MESSAGE));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
