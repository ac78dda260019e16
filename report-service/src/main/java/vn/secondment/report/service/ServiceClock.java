package vn.secondment.report.service;

import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How the services read "now" from the injected {@link Clock}: the instant they store, and Vietnam's day. */
final class ServiceClock {

    private ServiceClock() {
    }

    /** Now, to the microsecond the database keeps, so that what is stored reads back equal. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The calendar day in Vietnam at {@code instant}. */
    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, VietnamTime.ZONE);
    }
}
