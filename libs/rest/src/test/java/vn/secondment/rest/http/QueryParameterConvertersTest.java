package vn.secondment.rest.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParameterConvertersTest {

    @SuppressWarnings("unused")
    private static void resource(@QueryParam("asOf") LocalDate asOf) {
    }

    private final ParamConverter<LocalDate> asOf = new QueryParameterConverters().getConverter(LocalDate.class,
            LocalDate.class, annotationsOfTheParameter());

    @Test
    void readsACalendarDate() {
        assertThat(asOf.fromString("2025-09-03")).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void refusesDatesNoDatabaseStoresAsABadParameterNamingIt() {
        for (String far : new String[]{"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "2025-9-3"}) {
            assertThatThrownBy(() -> asOf.fromString(far))
                    .isInstanceOfSatisfying(QueryParameterConverters.InvalidParameter.class,
                            e -> assertThat(e.parameter()).isEqualTo("asOf"));
        }
    }

    private static Annotation[] annotationsOfTheParameter() {
        try {
            return QueryParameterConvertersTest.class.getDeclaredMethod("resource", LocalDate.class)
                    .getParameterAnnotations()[0];
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
