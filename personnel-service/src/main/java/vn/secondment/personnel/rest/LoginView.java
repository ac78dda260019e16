package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An official's Keycloak login, as admins of their ministry see it. */
@Schema(name = "OfficialLogin")
public record LoginView(
        @Schema(description = "The username to sign in with: the official's work e-mail when the login was given",
                examples = "hoa.nt@moha.gov.vn") String username,
        @Schema(description = "The realm role it was given", enumeration = {"officer", "ministry-unit"}) String role,
        @Schema(description = "False once the login was disabled (the official deactivated, or the login removed)")
        boolean enabled,
        Instant createdAt) {
}
