package vn.secondment.tabular;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row as the user sees it in Excel: {@code number} is the 1-based line/row number in the file, so that an
 * import can say "row 12: the date of birth is missing" and the user finds row 12.
 *
 * <p>Cells are never null, stripped of surrounding whitespace (no-break spaces too, common in text pasted from
 * web pages and Word) and in Unicode NFC: Vietnamese typed with some keyboards or on macOS arrives decomposed and
 * would otherwise not equal the same name typed elsewhere.
 */
public record Row(int number, List<String> cells) {

    public Row {
        List<String> clean = new ArrayList<>(cells.size());
        for (String cell : cells) {
            clean.add(clean(cell));
        }
        cells = Collections.unmodifiableList(clean);
    }

    /** The cell in the 0-based {@code column}; "" when the row is shorter. */
    public String cell(int column) {
        if (column < 0) {
            throw new IndexOutOfBoundsException("column " + column);
        }
        return column < cells.size() ? cells.get(column) : "";
    }

    /** True when every cell is empty (or there are none). */
    public boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        int start = 0;
        int end = cell.length();
        while (start < end && isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(cell.charAt(end - 1))) {
            end--;
        }
        String stripped = cell.substring(start, end);
        return Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
                ? stripped
                : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }
}
