package vn.secondment.assignment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import vn.secondment.rest.Formats;

import java.time.LocalDate;

/**
 * One stop of a delegation's itinerary: a province and the days spent there (inclusive), e.g. Lai Châu from 11 to 13
 * August 2025.
 */
public record ItineraryStop(
        @NotNull @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE) String provinceCode,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate) {

    public Period period() {
        return new Period(startDate, endDate);
    }

    /** The same stop {@code days} later (or earlier), as its deployment moves. */
    public ItineraryStop shifted(long days) {
        return new ItineraryStop(provinceCode, startDate.plusDays(days), endDate.plusDays(days));
    }
}
