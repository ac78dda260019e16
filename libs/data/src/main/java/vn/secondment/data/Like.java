package vn.secondment.data;

/**
 * LIKE patterns built from user text: {@code %} and {@code _} typed by a user are literal characters, not
 * wildcards. Use with {@code like :param escape '!'}.
 */
public final class Like {

    public static final String ESCAPE = " escape '!'";

    private Like() {
    }

    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Matches values starting with {@code text} (an event type prefix, for example). */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    /** Matches values containing {@code text}. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
