package vn.secondment.rest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Period(LocalDate validFrom, List<LocalDate> holidays) {
    }

    private final ObjectMapper json = strict();

    @Test
    void readsDatesOfFourDigitYears() throws Exception {
        Period period = json.readValue("{\"validFrom\":\"2025-07-01\",\"holidays\":[\"2025-09-02\"]}",
                Period.class);
        assertThat(period.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(period.holidays()).containsExactly(LocalDate.of(2025, 9, 2));
        assertThat(json.readValue("{\"validFrom\":null}", Period.class).validFrom()).isNull();
    }

    @Test
    void refusesDatesNoDatabaseStoresAsATypeErrorAtTheField() {
        for (String far : new String[]{"+999999999-12-31", "-0001-01-01", "10000-01-01", "+10000-01-01", "2025-9-3",
                "2025-02-30"}) {
            assertThatThrownBy(() -> json.readValue("{\"validFrom\":\"" + far + "\"}", Period.class))
                    .as(far)
                    .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                        assertThat(e.getTargetType()).isEqualTo(LocalDate.class);
                        assertThat(e.getPath()).singleElement()
                                .satisfies(ref -> assertThat(ref.getFieldName()).isEqualTo("validFrom"));
                    });
        }
        assertThatThrownBy(() -> json.readValue("{\"holidays\":[\"2025-09-02\",\"+999999999-12-31\"]}", Period.class))
                .isInstanceOfSatisfying(InvalidFormatException.class,
                        e -> assertThat(e.getPath().get(1).getIndex()).isEqualTo(1));
    }

    @Test
    void refusesADateWrittenAsNumbers() {
        assertThatThrownBy(() -> json.readValue("{\"validFrom\":[999999999,12,31]}", Period.class))
                .isInstanceOfSatisfying(MismatchedInputException.class,
                        e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo("validFrom"));
    }

    /** As Quarkus builds it: the Java time module first, then the customizers. */
    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }
}
