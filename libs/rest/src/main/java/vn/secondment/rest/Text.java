package vn.secondment.rest;

import vn.secondment.rest.problem.ProblemException;

import java.text.Normalizer;

/** Text as the platform stores it: trimmed, Unicode NFC, and never with broken UTF-16. */
public final class Text {

    private Text() {
    }

    /**
     * Normalises user text to NFC (Vietnamese may arrive decomposed, e.g. from macOS) after trimming.
     * Text with unpaired surrogates cannot be stored and is refused as a 400 violation of {@code field}.
     */
    public static String nfc(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\u0000') {
                throw ProblemException.invalid(field, "contains invalid Unicode characters");
            }
        }
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }
}
