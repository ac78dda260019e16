package vn.secondment.tabular;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What both writers do with a value before writing it. */
final class Values {

    /** The platform's users are in Vietnam; an instant means nothing to them until it is a wall-clock time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Values() {
    }

    /**
     * One of String, Number, Boolean, LocalDate, LocalDateTime (to the second) or null.
     *
     * @throws IllegalArgumentException for any other type, or a number that is not finite
     */
    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Number number) {
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException("not a finite number: " + number);
            }
            return number;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZONE).truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                + "; pass a String, Number, Boolean, LocalDate, LocalDateTime, Instant, Enum or null");
    }

    static void checkWidth(List<?> values, int columns) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("the row has " + values.size() + " values but the table has "
                    + columns + " columns");
        }
    }

    /** A number as digits, never in scientific notation: 1.0E7 is written 10000000. */
    static String plain(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
            return decimal.signum() == 0 ? "0" : decimal.toPlainString();
        }
        return number.toString();
    }
}
