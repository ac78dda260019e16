package vn.secondment.assignment.service;

import org.junit.jupiter.api.Test;
import vn.secondment.assignment.Period;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreePeriodsTest {

    /** A deployment's period wide enough not to matter, unless a test says otherwise. */
    private static final Period ROUND = period("2025-06-01", "2026-06-30");

    private static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    private static Period nearest(List<Period> occupied, Period wanted) {
        return FreePeriods.nearest(occupied, wanted, ROUND).orElseThrow();
    }

    @Test
    void withNothingOccupiedTheWantedPeriodIsFree() {
        assertThat(nearest(List.of(), period("2025-09-03", "2025-11-03")))
                .isEqualTo(period("2025-09-03", "2025-11-03"));
    }

    @Test
    void movesAfterWhenTheGapAfterIsNearer() {
        assertThat(nearest(List.of(period("2025-09-03", "2025-11-03")), period("2025-10-01", "2025-10-10")))
                .isEqualTo(period("2025-11-04", "2025-11-13"));
    }

    @Test
    void movesBeforeWhenThatIsNearer() {
        assertThat(nearest(List.of(period("2025-09-03", "2025-11-03")), period("2025-09-05", "2025-09-14")))
                .isEqualTo(period("2025-08-24", "2025-09-02"));
    }

    @Test
    void skipsGapsTooShortAndOverlappingBusyPeriods() {
        List<Period> busy = List.of(
                period("2025-09-01", "2025-09-30"),
                period("2025-10-03", "2025-10-31"),   // a 2-day gap before: too short for 5 days
                period("2025-10-20", "2025-11-10"));  // overlaps the previous one
        assertThat(nearest(busy, period("2025-10-01", "2025-10-05")))
                .isEqualTo(period("2025-08-27", "2025-08-31"));
        assertThat(nearest(busy, period("2025-10-25", "2025-10-29")))
                .isEqualTo(period("2025-11-11", "2025-11-15"));
    }

    @Test
    void aTieGoesToTheEarlierPeriod() {
        // the wanted 3 days sit in the middle of a 9-day assignment: 5 days to either side
        assertThat(nearest(List.of(period("2025-09-01", "2025-09-09")), period("2025-09-04", "2025-09-06")))
                .isEqualTo(period("2025-08-29", "2025-08-31"));
    }

    @Test
    void onlySuggestsPeriodsWithinTheDeployment() {
        // the round ends 2025-12-31: 2025-11-04 to 2026-03-17 (the case) is no suggestion
        Period round = period("2025-09-01", "2025-12-31");
        List<Period> busy = List.of(period("2025-09-01", "2025-11-03"));
        assertThat(FreePeriods.nearest(busy, period("2025-09-03", "2025-11-03"), round)).isEmpty();
        assertThat(FreePeriods.nearest(busy, period("2025-10-01", "2025-10-10"), round))
                .contains(period("2025-11-04", "2025-11-13"));
        // near the end: pulled back inside rather than run past it
        assertThat(FreePeriods.nearest(List.of(period("2025-12-20", "2025-12-31")), period("2025-12-25", "2026-01-05"),
                round)).contains(period("2025-12-08", "2025-12-19"));
    }
}
