package vn.secondment.rest;

import vn.secondment.rest.problem.ProblemException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as the platform stores it: trimmed, Unicode NFC, and never with broken UTF-16. */
public final class Text {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}@._-]+");

    private Text() {
    }

    /**
     * The search key of a text: lower case, without diacritics ({@code đ} becomes {@code d}), words separated by
     * one space. "Nguyễn Thị Hoa", "NGUYEN THI HOA" and "nguyen  thi hoa" all fold to "nguyen thi hoa", so a search
     * typed on a phone without a Vietnamese keyboard still finds the name.
     */
    public static String fold(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(bare).replaceAll(" ").strip();
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
