package vn.secondment.rest;

import vn.secondment.rest.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO 8601 week ({@code 2025-W37}: Monday 8 to Sunday 14 September 2025), as work plans are written per week. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    /** The text form, also valid in a browser's regular expressions. */
    public static final String PATTERN = "[0-9]{4}-W[0-9]{2}";
    public static final String MESSAGE = "must be an ISO week such as 2025-W37";

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-W([0-9]{2})");

    public IsoWeek {
        if (week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException(year + " has no ISO week " + week);
        }
    }

    /** The week {@code text} names; a 400 violation of {@code field} when it is malformed or does not exist. */
    public static IsoWeek parse(String field, String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw ProblemException.invalid(field, MESSAGE);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        if (week < 1 || week > weeksIn(year)) {
            throw ProblemException.invalid(field, year + " has weeks W01 to W" + weeksIn(year) + ", not W"
                    + m.group(2));
        }
        return new IsoWeek(year, week);
    }

    /** The week {@code day} falls in (which may belong to the previous or next ISO year around New Year). */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static int weeksIn(int year) {
        return (int) IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(year, 6, 1)).getMaximum();
    }

    /** Its Monday. */
    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Its Sunday. */
    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Whether {@code day} falls in this week. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(monday()) && !day.isAfter(sunday());
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    @Override
    public String toString() {
        // without String.format: the figures write thousands of weeks per answer
        String number = (week < 10 ? "-W0" : "-W") + week;
        return (year >= 1000 && year <= 9999 ? Integer.toString(year) : String.format("%04d", year)) + number;
    }
}
