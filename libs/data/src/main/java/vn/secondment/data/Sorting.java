package vn.secondment.data;

import io.quarkus.panache.common.Sort;
import vn.secondment.rest.problem.ProblemException;

import java.util.Map;

/**
 * The {@code sort} query parameter of lists: comma-separated API field names, each optionally prefixed with
 * {@code -} for descending ({@code sort=-updatedAt,fullName}). Only the fields a list declares are accepted, and the
 * id is always the last key so that pages never overlap or skip rows.
 */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param sort    the parameter as sent, or null for {@code defaultSort}
     * @param columns API field name → entity attribute, in the order documented
     */
    public static Sort parse(String sort, String defaultSort, Map<String, String> columns) {
        String value = sort == null || sort.isBlank() ? defaultSort : sort;
        Sort result = null;
        for (String part : value.split(",")) {
            String field = part.strip();
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            String column = columns.get(name);
            if (column == null) {
                throw ProblemException.invalid("sort", "'" + name + "' cannot be sorted on; use one of "
                        + String.join(", ", columns.keySet()) + ", each optionally prefixed with -");
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(column, direction) : result.and(column, direction);
        }
        if (result == null) {
            // "sort=," names no field at all
            throw ProblemException.invalid("sort", "names no field; use one of " + String.join(", ", columns.keySet())
                    + ", each optionally prefixed with -");
        }
        return result.and("id");
    }
}
