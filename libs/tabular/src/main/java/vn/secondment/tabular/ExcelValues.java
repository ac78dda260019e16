package vn.secondment.tabular;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * How a numeric XLSX cell reads as text. Excel stores dates as day numbers and shows them through the cell's number
 * format, so the format decides whether 45903 is a number or 2025-09-03; numbers come out as the user sees them
 * (912345678, not 9.12345678E8; 0.3, not 0.30000000000000004).
 */
final class ExcelValues {

    enum Kind { NUMBER, DATE, DATE_TIME, TIME }

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** Excel shows 15 significant digits; the 17 it stores only add binary noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    /** Day number of 10000-01-01, past Excel's last date. */
    private static final BigDecimal END_OF_DAYS = BigDecimal.valueOf(2_958_466);
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 31);
    private static final LocalDate EPOCH_1900_AFTER_LEAP_BUG = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private static final Set<Integer> BUILT_IN_DATES = Set.of(14, 15, 16, 17);
    private static final Set<Integer> BUILT_IN_TIMES = Set.of(18, 19, 20, 21, 45, 47);
    private static final int BUILT_IN_DATE_TIME = 22;

    private ExcelValues() {
    }

    /** What a number format shows: built-in formats by id, custom ones by their date/time letters. */
    static Kind kind(Integer formatId, String formatCode) {
        if (formatId != null) {
            if (BUILT_IN_DATES.contains(formatId)) {
                return Kind.DATE;
            }
            if (BUILT_IN_TIMES.contains(formatId)) {
                return Kind.TIME;
            }
            if (formatId == BUILT_IN_DATE_TIME) {
                return Kind.DATE_TIME;
            }
        }
        return formatCode == null ? Kind.NUMBER : kindOfCode(formatCode);
    }

    /**
     * Reads the first section of a format code, skipping "quoted text", escaped characters, [colours and locales]
     * and AM/PM: "dd/mm/yyyy" and "[$-42A]d mmmm yyyy" are dates, "#,##0 \"đ\"" is a number. Elapsed durations
     * ([h]:mm) are numbers: they are not times of day.
     */
    static Kind kindOfCode(String code) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';') {
                break;
            } else if (c == '"') {
                int close = code.indexOf('"', i + 1);
                i = close < 0 ? code.length() : close;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                int close = code.indexOf(']', i + 1);
                String inside = code.substring(i + 1, close < 0 ? code.length() : close).toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) {
                    return Kind.NUMBER;
                }
                i = close < 0 ? code.length() : close;
            } else {
                letters.append(Character.toLowerCase(c));
            }
        }
        String s = letters.toString().replace("am/pm", "").replace("a/p", "").replace("general", "");
        boolean time = s.indexOf('h') >= 0 || s.indexOf('s') >= 0;
        boolean date = s.indexOf('y') >= 0 || s.indexOf('d') >= 0 || (!time && s.indexOf('m') >= 0);
        if (date) {
            return time ? Kind.DATE_TIME : Kind.DATE;
        }
        return time ? Kind.TIME : Kind.NUMBER;
    }

    /** The cell's text: ISO date/time for date formats, else the plain number. */
    static String text(BigDecimal value, Kind kind, boolean date1904) {
        if (kind != Kind.NUMBER) {
            LocalDateTime at = dateTime(value, date1904);
            if (at != null) {
                return switch (kind) {
                    case DATE -> at.toLocalDate().toString();
                    case DATE_TIME -> DATE_TIME.format(at);
                    default -> TIME.format(at.toLocalTime());
                };
            }
        }
        return plain(value);
    }

    /** 912345678 rather than 9.12345678E8, 5 rather than 5.0, rounded to what Excel shows. */
    static String plain(BigDecimal value) {
        BigDecimal shown = value.round(EXCEL_PRECISION).stripTrailingZeros();
        return shown.signum() == 0 ? "0" : shown.toPlainString();
    }

    /** The date of an Excel day number to the nearest second; null outside Excel's dates. */
    static LocalDateTime dateTime(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(END_OF_DAYS) >= 0) {
            return null;
        }
        long seconds = serial.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = seconds / 86_400;
        LocalTime time = LocalTime.ofSecondOfDay(seconds % 86_400);
        LocalDate date;
        if (date1904) {
            date = EPOCH_1904.plusDays(days);
        } else {
            // Excel counts a 29 February 1900 that never was (day 60), so from 1 March 1900 on it is a day ahead.
            date = (days > 60 ? EPOCH_1900_AFTER_LEAP_BUG : EPOCH_1900).plusDays(days);
        }
        return date.atTime(time);
    }
}
