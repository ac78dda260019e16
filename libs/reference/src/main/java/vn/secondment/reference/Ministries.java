package vn.secondment.reference;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.tabular.Row;
import vn.secondment.tabular.Table;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableFormatException;
import vn.secondment.tabular.TableReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ministries and ministry-level agencies ({@value #FILE}: code, names, kind, validity), effective-dated like
 * the administrative units: ask for a code and a day and get the ministry of that day. The same rows as
 * personnel-service's {@code ministry} table (its seed), which a test of that service keeps equal. Read once; a
 * malformed file fails at startup. Immutable.
 */
@ApplicationScoped
public class Ministries {

    static final String FILE = "ministries.csv";
    static final List<String> HEADER = List.of("code", "name_vi", "name_en", "kind", "valid_from", "valid_to");
    private static final Set<String> KINDS = Set.of("MINISTRY", "AGENCY");

    /** Every version by code, oldest first, codes in the file's order. */
    private final Map<String, List<Ministry>> byCode;

    /** The ministries shipped in {@code reference/} on the classpath. */
    public Ministries() {
        this(file -> Ministries.class.getClassLoader().getResourceAsStream(ReferenceLoader.DIRECTORY + file));
    }

    /** The ministries of another file (tests), opened by name. */
    Ministries(Function<String, InputStream> files) {
        this.byCode = load(files);
    }

    /** The version of ministry {@code code} in force on {@code asOf}; empty when unknown or not in force. */
    public Optional<Ministry> ministry(String code, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (code == null) {
            return Optional.empty();
        }
        return byCode.getOrDefault(code, List.of()).stream().filter(m -> m.validOn(asOf)).findFirst();
    }

    /**
     * How a text names ministry {@code code} on {@code asOf} in {@code language} ({@code en}, else Vietnamese):
     * "Bộ Nội vụ", "Ministry of Home Affairs". A code unknown on that day is named by its latest version, and one
     * never known by the code itself: a name is never a reason to fail.
     */
    public String name(String code, LocalDate asOf, String language) {
        if (code == null) {
            return "";
        }
        return ministry(code, asOf)
                .or(() -> byCode.getOrDefault(code, List.of()).stream().reduce((a, b) -> b))
                .map(m -> m.name(language))
                .orElse(code);
    }

    /** Every version of every ministry, in the file's order. */
    public List<Ministry> all() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }

    private static Map<String, List<Ministry>> load(Function<String, InputStream> files) {
        Map<String, List<Ministry>> result = new LinkedHashMap<>();
        try (InputStream in = files.apply(FILE)) {
            if (in == null) {
                throw new IllegalStateException("Reference data " + ReferenceLoader.DIRECTORY + FILE + " is missing");
            }
            Table table = TableReader.read(in, TableFormat.CSV, HEADER::equals, 1_000);
            for (Row row : table.rows()) {
                if (row.cell(0).startsWith("#")) {
                    continue;
                }
                Ministry m = ministry(row);
                List<Ministry> history = result.computeIfAbsent(m.code(), c -> new ArrayList<>());
                for (Ministry other : history) {
                    boolean overlaps = (other.validTo() == null || !m.validFrom().isAfter(other.validTo()))
                            && (m.validTo() == null || !other.validFrom().isAfter(m.validTo()));
                    if (overlaps) {
                        throw fault(row, "overlaps the version of " + m.code() + " from " + other.validFrom());
                    }
                }
                history.add(m);
                history.sort(Comparator.comparing(Ministry::validFrom));
            }
        } catch (TableFormatException e) {
            throw new IllegalStateException("Reference data " + ReferenceLoader.DIRECTORY + FILE
                    + " is not readable (the header must be " + String.join(",", HEADER) + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data " + ReferenceLoader.DIRECTORY + FILE + " cannot be read", e);
        }
        if (result.isEmpty()) {
            throw fault(null, "has no ministries");
        }
        result.replaceAll((code, history) -> List.copyOf(history));
        return java.util.Collections.unmodifiableMap(result);
    }

    private static Ministry ministry(Row row) {
        if (row.cells().size() > HEADER.size()) {
            throw fault(row, "has " + row.cells().size() + " cells, the header " + HEADER.size()
                    + " (quote a value that contains a comma)");
        }
        String code = required(row, 0, "code");
        String kind = required(row, 3, "kind");
        if (!KINDS.contains(kind)) {
            throw fault(row, "kind must be MINISTRY or AGENCY, not '" + kind + "'");
        }
        LocalDate from = date(row, 4, "valid_from");
        LocalDate to = row.cell(5).isEmpty() ? null : date(row, 5, "valid_to");
        if (to != null && to.isBefore(from)) {
            throw fault(row, "valid_to is before valid_from");
        }
        return new Ministry(nfc(code), nfc(required(row, 1, "name_vi")), required(row, 2, "name_en"), kind, from, to);
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String required(Row row, int column, String name) {
        String value = row.cell(column).strip();
        if (value.isEmpty()) {
            throw fault(row, name + " is empty");
        }
        return value;
    }

    private static LocalDate date(Row row, int column, String name) {
        try {
            return LocalDate.parse(row.cell(column));
        } catch (DateTimeParseException e) {
            throw fault(row, name + " must be a date (yyyy-MM-dd), not '" + row.cell(column) + "'");
        }
    }

    private static IllegalStateException fault(Row row, String message) {
        return new IllegalStateException("Reference data " + ReferenceLoader.DIRECTORY + FILE
                + (row == null ? "" : " row " + row.number()) + ": " + message);
    }
}
