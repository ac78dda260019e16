package vn.secondment.rest.http;

import org.junit.jupiter.api.Test;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void acceptsTheCurrentTagQuotedWeakBareOrAny() {
        for (String current : new String[]{"\"3\"", "W/\"3\"", "3", "*", "\"2\", \"3\""}) {
            assertThatCode(() -> Versions.requireMatch(current, 3)).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesAStaleTagAsAFailedPrecondition() {
        assertThatThrownBy(() -> Versions.requireMatch("\"2\"", 3))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
    }

    @Test
    void refusesSomethingThatIsNotAnEntityTagAsABadHeaderNotAFailedPrecondition() {
        for (String malformed : new String[]{"abc", "\"3", "W/abc"}) {
            assertThatThrownBy(() -> Versions.requireMatch(malformed, 3))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                        assertThat(e.violations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("If-Match"));
                    });
        }
    }
}
