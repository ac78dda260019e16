package vn.secondment.rest;

/**
 * Formats of identifiers every service receives, as bean-validation patterns with the message a user reads when a
 * value does not fit. Patterns spell letters out (Latin and the Vietnamese range À-ỹ) rather than use \p{L}: the
 * OpenAPI console checks them in the browser, whose regular expressions do not know \p{L}.
 */
public final class Formats {

    /** The abbreviation of a ministry used in document numbers: BNV, BCT, BNNMT, BGDĐT... */
    public static final String MINISTRY_CODE = "[A-ZĐ]{2,12}";
    public static final String MINISTRY_CODE_MESSAGE = "must be a ministry code such as BNV or BNNMT";

    /** A document number: 878/QĐ-BNV (number/type-issuer), or with the year for legal documents, 19/2025/QĐ-TTg. */
    public static final String DECISION = "[0-9]{1,6}(/[0-9]{4})?/[A-Za-zÀ-ỹ]+(-[A-Za-zÀ-ỹ0-9]+)+";
    public static final String DECISION_MESSAGE = "must be a document number such as 878/QĐ-BNV or 19/2025/QĐ-TTg";

    /** A province's 2-digit code (Quyết định 19/2025/QĐ-TTg), e.g. 79 for Thành phố Hồ Chí Minh. */
    public static final String PROVINCE_CODE = "[0-9]{2}";
    public static final String PROVINCE_CODE_MESSAGE = "must be a 2-digit province code such as 01 or 79";

    /** A commune's 5-digit code, e.g. 25942 for Phường Dĩ An. */
    public static final String COMMUNE_CODE = "[0-9]{5}";
    public static final String COMMUNE_CODE_MESSAGE = "must be a 5-digit commune code such as 25942";

    private Formats() {
    }
}
