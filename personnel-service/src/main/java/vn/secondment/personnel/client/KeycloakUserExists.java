package vn.secondment.personnel.client;

/** Keycloak already has a user with this username or e-mail. */
public class KeycloakUserExists extends RuntimeException {

    public KeycloakUserExists(String username) {
        super("Keycloak already has a user " + username);
    }
}
