package vn.secondment.assignment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An inclusive range of days, as decisions write periods ("từ ngày 03/9 đến ngày 03/11/2025"). */
public record Period(LocalDate startDate, LocalDate endDate) {

    public Period {
        if (startDate.isAfter(endDate)) {
            throw new IllegalArgumentException("A period cannot end (" + endDate + ") before it starts (" + startDate + ")");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    public boolean overlaps(Period other) {
        return !startDate.isAfter(other.endDate) && !other.startDate.isAfter(endDate);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public boolean contains(Period other) {
        return contains(other.startDate) && contains(other.endDate);
    }
}
