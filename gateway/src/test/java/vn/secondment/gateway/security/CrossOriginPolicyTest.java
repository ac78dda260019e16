package vn.secondment.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossOriginPolicyTest {

    @Test
    void refusesToOpenCorsToEveryOrigin() {
        assertThatThrownBy(() -> CrossOriginPolicy.requireNamedOrigins(true, List.of("https://secondment.gov.vn", " * ")))
                .hasMessageContaining("quarkus.http.cors.origins");
    }

    @Test
    void acceptsNamedOriginsOrCorsSwitchedOff() {
        assertThatCode(() -> CrossOriginPolicy.requireNamedOrigins(true, List.of("https://secondment.gov.vn")))
                .doesNotThrowAnyException();
        assertThatCode(() -> CrossOriginPolicy.requireNamedOrigins(false, List.of("*")))
                .doesNotThrowAnyException();
    }
}
