package vn.secondment.assignment.service;

import org.junit.jupiter.api.Test;
import vn.secondment.assignment.Period;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreePeriodsTest {

    private static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void withNothingOccupiedTheWantedPeriodIsFree() {
        assertThat(FreePeriods.nearest(List.of(), period("2025-09-03", "2025-11-03")))
                .isEqualTo(period("2025-09-03", "2025-11-03"));
    }

    @Test
    void movesAfterWhenTheGapAfterIsNearer() {
        assertThat(FreePeriods.nearest(List.of(period("2025-09-03", "2025-11-03")), period("2025-10-01", "2025-10-10")))
                .isEqualTo(period("2025-11-04", "2025-11-13"));
    }

    @Test
    void movesBeforeWhenThatIsNearer() {
        assertThat(FreePeriods.nearest(List.of(period("2025-09-03", "2025-11-03")), period("2025-09-05", "2025-09-14")))
                .isEqualTo(period("2025-08-24", "2025-09-02"));
    }

    @Test
    void skipsGapsTooShortAndOverlappingBusyPeriods() {
        List<Period> busy = List.of(
                period("2025-09-01", "2025-09-30"),
                period("2025-10-03", "2025-10-31"),   // a 2-day gap before: too short for 5 days
                period("2025-10-20", "2025-11-10"));  // overlaps the previous one
        assertThat(FreePeriods.nearest(busy, period("2025-10-01", "2025-10-05")))
                .isEqualTo(period("2025-08-27", "2025-08-31"));
        assertThat(FreePeriods.nearest(busy, period("2025-10-25", "2025-10-29")))
                .isEqualTo(period("2025-11-11", "2025-11-15"));
    }

    @Test
    void aTieGoesToTheEarlierPeriod() {
        // the wanted 3 days sit in the middle of a 9-day assignment: 5 days to either side
        assertThat(FreePeriods.nearest(List.of(period("2025-09-01", "2025-09-09")), period("2025-09-04", "2025-09-06")))
                .isEqualTo(period("2025-08-29", "2025-08-31"));
    }
}
