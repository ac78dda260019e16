package vn.secondment.personnel.service;

import vn.secondment.rest.Text;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How an annex's header cells are recognised, for every kind of column ({@link AnnexColumn},
 * {@link AssignmentColumn}): by the column's header or one of its aliases, ignoring case and diacritics.
 */
final class ColumnHeaders {

    private ColumnHeaders() {
    }

    /** The keys a column is recognised by: its header and aliases, folded. */
    static List<String> keys(String header, String... aliases) {
        return Stream.concat(Stream.of(header), Stream.of(aliases)).map(Text::fold).toList();
    }

    /** The column among {@code columns} whose keys include the header cell's text, folded. */
    static <C> Optional<C> match(C[] columns, Function<C, List<String>> keysOf, String header) {
        String key = Text.fold(header);
        return Stream.of(columns).filter(column -> keysOf.apply(column).contains(key)).findFirst();
    }
}
