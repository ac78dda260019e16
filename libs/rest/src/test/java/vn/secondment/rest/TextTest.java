package vn.secondment.rest;

import org.junit.jupiter.api.Test;
import vn.secondment.rest.problem.ProblemException;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @Test
    void composesDecomposedVietnameseAndTrims() {
        String decomposed = Normalizer.normalize("  Đặng Thị Thu Hương ", Normalizer.Form.NFD);

        assertThat(Text.nfc("fullName", decomposed)).isEqualTo("Đặng Thị Thu Hương")
                .isEqualTo(Normalizer.normalize("Đặng Thị Thu Hương", Normalizer.Form.NFC));
    }

    @Test
    void keepsValidSurrogatePairs() {
        assertThat(Text.nfc("note", "Hà Nội 😀")).isEqualTo("Hà Nội 😀");
    }

    @Test
    void refusesBrokenUnicodeNamingTheField() {
        assertThatThrownBy(() -> Text.nfc("fullName", "L\ud800e"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("fullName")));
        assertThatThrownBy(() -> Text.nfc("fullName", "Lê\u0000")).isInstanceOf(ProblemException.class);
    }
}
