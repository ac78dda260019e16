package vn.secondment.assignment.service;

import vn.secondment.assignment.Period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where an official is free: the period of the requested length, outside every occupied one, that starts nearest
 * to the requested start (earlier wins a tie). Suggested with every overlap refusal so the caller can try it.
 */
public final class FreePeriods {

    private FreePeriods() {
    }

    /**
     * The free period of {@code wanted}'s length nearest to it (by start; a tie goes to the earlier) that lies within
     * {@code within} (the deployment's period: an assignment never runs outside it) and meets none of
     * {@code occupied}; empty when there is none.
     */
    public static Optional<Period> nearest(List<Period> occupied, Period wanted, Period within) {
        long length = wanted.days();
        List<Period> sorted = occupied.stream().sorted(Comparator.comparing(Period::startDate)).toList();
        Period best = null;
        LocalDate gapStart = within.startDate();
        for (Period busy : sorted) {
            LocalDate gapEnd = busy.startDate().minusDays(1);
            best = closer(best, fit(gapStart, gapEnd.isAfter(within.endDate()) ? within.endDate() : gapEnd, length,
                    wanted.startDate()), wanted);
            if (!busy.endDate().isBefore(gapStart)) {
                gapStart = busy.endDate().plusDays(1);
            }
        }
        return Optional.ofNullable(closer(best, fit(gapStart, within.endDate(), length, wanted.startDate()), wanted));
    }

    /** The start in [gapStart, gapEnd - length + 1] closest to {@code wanted}, as a period; null if it does not fit. */
    private static Period fit(LocalDate gapStart, LocalDate gapEnd, long length, LocalDate wanted) {
        if (gapEnd.isBefore(gapStart) || ChronoUnit.DAYS.between(gapStart, gapEnd) + 1 < length) {
            return null;
        }
        LocalDate latestStart = gapEnd.minusDays(length - 1);
        LocalDate start = wanted.isBefore(gapStart) ? gapStart : wanted.isAfter(latestStart) ? latestStart : wanted;
        return new Period(start, start.plusDays(length - 1));
    }

    private static Period closer(Period current, Period candidate, Period wanted) {
        if (candidate == null) {
            return current;
        }
        if (current == null) {
            return candidate;
        }
        long now = Math.abs(ChronoUnit.DAYS.between(wanted.startDate(), current.startDate()));
        long next = Math.abs(ChronoUnit.DAYS.between(wanted.startDate(), candidate.startDate()));
        return next < now ? candidate : current;
    }
}
