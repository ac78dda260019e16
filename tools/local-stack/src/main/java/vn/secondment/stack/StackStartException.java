package vn.secondment.stack;

/** The stack could not start; the message says which component failed, why, and where its log is. */
public final class StackStartException extends RuntimeException {

    private final String component;

    public StackStartException(String component, String message) {
        super(message);
        this.component = component;
    }

    public StackStartException(String component, String message, Throwable cause) {
        super(message, cause);
        this.component = component;
    }

    /** The component that failed: {@code postgres}, {@code kafka}, {@code keycloak}, an application name, or {@code stack}. */
    public String component() {
        return component;
    }
}
