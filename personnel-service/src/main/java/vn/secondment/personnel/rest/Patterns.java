package vn.secondment.personnel.rest;

import vn.secondment.rest.Formats;

/**
 * Formats shared by requests and annex imports, with the message a user reads when a value does not fit; the
 * platform-wide ones come from {@link Formats}.
 */
public final class Patterns {

    public static final String MINISTRY_CODE = Formats.MINISTRY_CODE;
    public static final String MINISTRY_CODE_MESSAGE = Formats.MINISTRY_CODE_MESSAGE;
    /** A Vietnamese phone number: 0 or +84 then 9 digits, optionally grouped by spaces, dots or dashes. */
    public static final String PHONE = "(\\+84|0)[ .-]?[1-9]([ .-]?[0-9]){8}";
    public static final String PHONE_MESSAGE = "must be a Vietnamese phone number such as 0912345678 or +84912345678";
    /** A unit code: upper-case letters, digits, '.', '_' or '-'. */
    public static final String UNIT_CODE = "[A-Z0-9][A-Z0-9._-]{0,29}";
    public static final String UNIT_CODE_MESSAGE = "must be 1 to 30 upper-case letters, digits, '.', '_' or '-'";

    public static final String DECISION = Formats.DECISION;
    public static final String DECISION_MESSAGE = Formats.DECISION_MESSAGE;

    private Patterns() {
    }

    /** Phones arrive as "091 234 5678" or "091.234.5678"; stored without separators. */
    public static String compactPhone(String phone) {
        return phone == null ? null : phone.replaceAll("[ .-]", "");
    }
}
