package vn.secondment.rest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** An ISO week's name, as the API and the figures write it, and back. */
class IsoWeekTest {

    @Test
    void writesTheYearAndATwoDigitWeek() {
        assertThat(IsoWeek.of(LocalDate.of(2025, 2, 12))).hasToString("2025-W07");
        assertThat(IsoWeek.of(LocalDate.of(2026, 12, 31))).hasToString("2026-W53");
        assertThat(new IsoWeek(999, 1)).hasToString("0999-W01");
    }

    @Test
    void readsBackWhatItWrites() {
        IsoWeek week = IsoWeek.of(LocalDate.of(2025, 9, 8));
        assertThat(IsoWeek.parse("week", week.toString())).isEqualTo(week);
        assertThat(week.monday()).isEqualTo(LocalDate.of(2025, 9, 8));
    }
}
