package vn.secondment.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of decisions, periods and weeks are Vietnam's calendar days. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    /** Today in Vietnam by {@code clock} (the service's {@link PlatformClock}, so that tests choose the day). */
    public static LocalDate today(Clock clock) {
        return dayOf(clock.instant());
    }

    /** The calendar day in Vietnam at {@code instant}. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
