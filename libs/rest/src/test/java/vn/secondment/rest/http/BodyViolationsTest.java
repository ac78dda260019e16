package vn.secondment.rest.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class BodyViolationsTest {

    record Member(@NotBlank String name, @NotNull LocalDate since) {
    }

    record Team(@NotBlank String name, @NotNull @Email String email, UUID unitId, Integer size,
                List<@NotNull @Valid Member> members) {
    }

    private final ObjectMapper json = strict();
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final BodyViolations violations = new BodyViolations(json, validator);

    @Test
    void reportsEveryTypeErrorWithTheViolationsOfTheOtherFields() throws Exception {
        String body = """
                {"name": "", "email": "not-an-email", "unitId": 42, "size": "many", "colour": "red",
                 "members": [{"name": "An", "since": "+999999999-12-31"}, {"name": "", "since": "2025-07-01"}]}""";
        JsonNode tree = json.readTree(body);
        JsonMappingException first = catchThrowableOfType(JsonMappingException.class,
                () -> json.treeToValue(tree, Team.class));

        ProblemException all = violations.collect(tree, Team.class, first).orElseThrow();

        assertThat(all.violations()).extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactly(
                        tuple("colour", "is not a known field"),
                        tuple("email", "must be a well-formed email address"),
                        tuple("members[0].since", "must be a date (yyyy-MM-dd)"),
                        tuple("members[1].name", "must not be blank"),
                        tuple("name", "must not be blank"),
                        tuple("size", "must be a number"),
                        tuple("unitId", "must be a UUID"));
    }

    @Test
    void leavesABodyThatIsNotAnObjectToTheUsualAnswer() throws Exception {
        JsonNode tree = json.readTree("[1, 2]");
        JsonMappingException first = catchThrowableOfType(JsonMappingException.class,
                () -> json.treeToValue(tree, Team.class));
        assertThat(violations.collect(tree, Team.class, first)).isEmpty();
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
