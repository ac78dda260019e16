package vn.secondment.personnel.client;

/** Keycloak refused the user's data (its own validation of the username, e-mail or names). */
public class KeycloakRefusedUser extends RuntimeException {

    public KeycloakRefusedUser(String reason) {
        super(reason);
    }
}
