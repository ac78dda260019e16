package vn.secondment.personnel.migration;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.secondment.reference.Ministries;
import vn.secondment.testing.WithRealInfrastructure;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded {@code ministry} table (V2__directory.sql) and libs/reference's {@code ministries.csv}, which other
 * services name ministries by, are the same 17 rows: a change to one without the other fails here.
 */
@QuarkusTest
@WithRealInfrastructure
class MinistryReferenceTest {

    /** Ministries other tests add to the shared database start with this; the seed has none. */
    private static final String TEST_PREFIX = "ZZ";

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void seededMinistriesAreTheReferenceList() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT code, name_vi, name_en, kind, valid_from, valid_to FROM ministry
                         WHERE code NOT LIKE :prefix ORDER BY code""")
                .setParameter("prefix", TEST_PREFIX + "%")
                .getResultList();
        List<String> seeded = rows.stream()
                .map(r -> String.join("|", (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        String.valueOf(day(r[4])), String.valueOf(day(r[5]))))
                .toList();
        List<String> reference = new Ministries().all().stream()
                .map(m -> String.join("|", m.code(), m.nameVi(), m.nameEn(), m.kind(),
                        String.valueOf(m.validFrom()), String.valueOf(m.validTo())))
                .sorted()
                .toList();

        System.out.printf("ministry table: %d seeded rows, ministries.csv: %d rows%n", seeded.size(),
                reference.size());
        assertThat(reference).hasSize(17);
        assertThat(seeded).containsExactlyElementsOf(reference);
    }

    private static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
