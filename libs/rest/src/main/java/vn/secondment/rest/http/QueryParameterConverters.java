package vn.secondment.rest.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads query and header parameters so that a value of the wrong type is a 400 naming the parameter
 * ({@code ?size=abc}, {@code ?type=FOO}, {@code ?activeOn=2025-13-45}). JAX-RS would answer 404 for a query
 * parameter, which tells a client the resource does not exist. Path parameters keep the 404: a malformed id names
 * nothing that exists.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    private static final Pattern FOUR_DIGIT_YEAR_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "must be a UUID");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, QueryParameterConverters::date, "must be a date (yyyy-MM-dd)");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, QueryParameterConverters::bool, "must be true or false");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, value -> Enum.valueOf(type, value),
                    "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /**
     * A calendar date of four-digit year: ISO-8601 also allows {@code +999999999-12-31}, which no database stores
     * and no secondment needs. The one rule for dates, in query parameters and in JSON bodies ({@link StrictJson}).
     */
    static LocalDate date(String value) {
        if (!FOUR_DIGIT_YEAR_DATE.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return LocalDate.parse(value);
    }

    private static Boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(value);
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameter(name, message);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** A parameter that cannot be read as its type; the problem mappers name it as a violation. */
    public static final class InvalidParameter extends BadRequestException {
        private final String parameter;
        private final String reason;

        InvalidParameter(String parameter, String reason) {
            super(parameter + " " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public String parameter() {
            return parameter;
        }

        public String reason() {
            return reason;
        }
    }
}
