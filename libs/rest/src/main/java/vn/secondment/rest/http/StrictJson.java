package vn.secondment.rest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The platform's Jackson settings, one place for every service:
 * <ul>
 *   <li>a number or a boolean sent where a text is expected ({@code "fullName": 123}) is a type error the problem
 *   answer names, not a text silently made of it: a client that sends the wrong type has a bug it should hear
 *   about;</li>
 *   <li>a date is a {@code yyyy-MM-dd} text of four-digit year, as in query parameters: ISO-8601's
 *   {@code +999999999-12-31} or {@code -0001-01-01} would reach PostgreSQL, which cannot store them, as a 500.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("secondment-strict-json")
                .addDeserializer(LocalDate.class, new FourDigitYearDate()));
    }

    /** Runs after Quarkus' own customizers, so that this date reader is the one registered last, which Jackson asks first. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Reads a date by {@link QueryParameterConverters}' rule; anything else is a type error at the field. */
    static final class FourDigitYearDate extends StdScalarDeserializer<LocalDate> {

        FourDigitYearDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText().strip();
            try {
                return QueryParameterConverters.date(text);
            } catch (IllegalArgumentException | DateTimeException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "not a date of four-digit year (yyyy-MM-dd)");
            }
        }
    }
}
