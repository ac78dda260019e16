package vn.secondment.assignment.rest;

import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;

/** The {@code asOf} parameter of the reference endpoints. */
final class ReferenceDates {

    static final String AS_OF = "asOf";
    static final String AS_OF_DESCRIPTION = "The day to read the units as of (yyyy-MM-dd, 2025-07-01 or later); "
            + "today in Vietnam when absent";

    private ReferenceDates() {
    }

    /** {@code asOf}, or today in Vietnam; a day before the 34 provinces existed is a 400 naming {@code asOf}. */
    static LocalDate resolve(LocalDate asOf, Clock clock) {
        LocalDate day = asOf == null ? VietnamTime.today(clock) : asOf;
        if (day.isBefore(AdministrativeUnits.FIRST_DAY)) {
            throw ProblemException.invalid(AS_OF, "must be " + AdministrativeUnits.FIRST_DAY + " or later: the 34 "
                    + "provinces and their communes exist from that day (Nghị quyết 202/2025/QH15)");
        }
        return day;
    }
}
