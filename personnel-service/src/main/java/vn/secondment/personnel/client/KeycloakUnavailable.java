package vn.secondment.personnel.client;

/** Keycloak did not answer, or answered with an error of its own: the change can be tried again later. */
public class KeycloakUnavailable extends RuntimeException {

    public KeycloakUnavailable(String message) {
        super(message);
    }

    public KeycloakUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
