package vn.secondment.personnel.rest;

/** Formats shared by requests and annex imports, with the message a user reads when a value does not fit. */
public final class Patterns {

    /** The abbreviation used in document numbers: BNV, BCT, BNNMT, BGDĐT... */
    public static final String MINISTRY_CODE = "[A-ZĐ]{2,12}";
    public static final String MINISTRY_CODE_MESSAGE = "must be a ministry code such as BNV or BNNMT";
    /** A Vietnamese phone number: 0 or +84 then 9 digits, optionally grouped by spaces, dots or dashes. */
    public static final String PHONE = "(\\+84|0)[ .-]?[1-9]([ .-]?[0-9]){8}";
    public static final String PHONE_MESSAGE = "must be a Vietnamese phone number such as 0912345678 or +84912345678";
    /** A unit code: upper-case letters, digits, '.', '_' or '-'. */
    public static final String UNIT_CODE = "[A-Z0-9][A-Z0-9._-]{0,29}";
    public static final String UNIT_CODE_MESSAGE = "must be 1 to 30 upper-case letters, digits, '.', '_' or '-'";

    /**
     * A document number: 878/QĐ-BNV (number/type-issuer), or with the year for legal documents, 19/2025/QĐ-TTg.
     * Letters are spelled out (Latin and the Vietnamese range À-ỹ) rather than \p{L}: the OpenAPI console checks
     * the pattern in the browser, whose regular expressions do not know \p{L}.
     */
    public static final String DECISION = "[0-9]{1,6}(/[0-9]{4})?/[A-Za-zÀ-ỹ]+(-[A-Za-zÀ-ỹ0-9]+)+";
    public static final String DECISION_MESSAGE = "must be a document number such as 878/QĐ-BNV or 19/2025/QĐ-TTg";

    private Patterns() {
    }

    /** Phones arrive as "091 234 5678" or "091.234.5678"; stored without separators. */
    public static String compactPhone(String phone) {
        return phone == null ? null : phone.replaceAll("[ .-]", "");
    }
}
