package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Ministries;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How texts name ministries, provinces and communes: by their names as of the event's day ("Bộ Nội vụ",
 * "Thành phố Hồ Chí Minh", "Phường Sài Gòn"; in English "Ministry of Home Affairs", "Ho Chi Minh City", "Sai Gon
 * Ward"), from libs/reference. A code the reference does not know is kept as it is: a name never fails an event.
 */
@ApplicationScoped
public class Names {

    public static final String VI = "vi";
    public static final String EN = "en";

    private final AdministrativeUnits units;
    private final Ministries ministries;
    private final Clock clock;

    public Names(AdministrativeUnits units, Ministries ministries, Clock clock) {
        this.units = units;
        this.ministries = ministries;
        this.clock = clock;
    }

    public String ministry(String code, Instant at, String language) {
        return code == null ? "" : ministries.name(code, day(at), language);
    }

    public String province(String code, Instant at, String language) {
        return code == null ? "" : units.provinceName(code, day(at), language);
    }

    public String commune(String code, Instant at, String language) {
        return code == null ? "" : units.communeName(code, day(at), language);
    }

    /** The day in Vietnam of an event's time (today's when it has none). */
    private LocalDate day(Instant at) {
        return (at == null ? clock.instant() : at).atZone(VietnamTime.ZONE).toLocalDate();
    }
}
