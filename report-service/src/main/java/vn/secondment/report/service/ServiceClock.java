package vn.secondment.report.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How the services read "now" from the injected {@link Clock}: the instant they store (days are VietnamTime's). */
final class ServiceClock {

    private ServiceClock() {
    }

    /** Now, to the microsecond the database keeps, so that what is stored reads back equal. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
