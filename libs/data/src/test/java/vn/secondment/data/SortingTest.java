package vn.secondment.data;

import io.quarkus.panache.common.Sort;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortingTest {

    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("fullName", "searchName");
        COLUMNS.put("updatedAt", "updatedAt");
    }

    @Test
    void readsDirectionsAndAlwaysEndsWithTheId() {
        Sort sort = Sorting.parse("-updatedAt, fullName", "fullName", COLUMNS);

        assertThat(sort.getColumns()).extracting(Sort.Column::getName)
                .containsExactly("updatedAt", "searchName", "id");
        assertThat(sort.getColumns()).extracting(Sort.Column::getDirection)
                .containsExactly(Sort.Direction.Descending, Sort.Direction.Ascending, Sort.Direction.Ascending);
    }

    @Test
    void usesTheDefaultWhenAbsent() {
        assertThat(Sorting.parse(null, "fullName", COLUMNS).getColumns()).extracting(Sort.Column::getName)
                .containsExactly("searchName", "id");
    }

    @Test
    void refusesAnUnknownFieldNamingTheAllowedOnes() {
        assertThatThrownBy(() -> Sorting.parse("phone", "fullName", COLUMNS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("sort");
                            assertThat(v.message()).contains("fullName, updatedAt");
                        }));
    }

    @Test
    void refusesAParameterThatNamesNoFieldAsABadSortNotAServerError() {
        for (String nothing : new String[]{",", " , ", ",,"}) {
            assertThatThrownBy(() -> Sorting.parse(nothing, "fullName", COLUMNS))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations()).singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("sort")));
        }
    }
}
