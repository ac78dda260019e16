package vn.secondment.rest;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of decisions, periods and weeks are Vietnam's calendar days. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
