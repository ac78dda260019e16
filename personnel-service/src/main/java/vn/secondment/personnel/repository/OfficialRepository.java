package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.data.Like;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.rest.OfficialFilter;
import vn.secondment.rest.Text;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OfficialRepository implements PanacheRepositoryBase<Official, UUID> {

    /**
     * Officials matching the filter. {@code onlyEmail} restricts to one work email (an officer's own record).
     * Text search matches every word of the query at the start of a word of the name or email, ignoring case and
     * diacritics ("nguyen thi hoa", "Hoa", "ĐẶNG" all find what a person would expect).
     */
    public PanacheQuery<Official> search(OfficialFilter filter, Optional<String> onlyEmail, Sort sort) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!filter.ministries().isEmpty()) {
            where.append(" and ministryCode in :ministries");
            params.and("ministries", filter.ministries());
        }
        if (filter.unitId != null) {
            where.append(" and unit.id = :unitId");
            params.and("unitId", filter.unitId);
        }
        if (filter.position != null && !filter.position.isBlank()) {
            where.append(" and lower(position) = :position");
            params.and("position", Text.nfc("position", filter.position).toLowerCase(Locale.ROOT));
        }
        if (filter.category != null) {
            where.append(" and category = :category");
            params.and("category", filter.category);
        }
        if (filter.secondmentStatus != null) {
            where.append(" and secondmentStatus = :status");
            params.and("status", filter.secondmentStatus);
        }
        if (filter.active != null) {
            where.append(" and active = :active");
            params.and("active", filter.active);
        }
        if (filter.expertise != null && !filter.expertise.isBlank()) {
            where.append(" and array_contains(expertiseKeys, :expertise)");
            params.and("expertise", Text.fold(filter.expertise));
        }
        List<String> words = words(filter.q);
        for (int i = 0; i < words.size(); i++) {
            where.append(" and searchText like :word").append(i).append(Like.ESCAPE);
            params.and("word" + i, "% " + Like.escape(words.get(i)) + "%");
        }
        onlyEmail.ifPresent(email -> {
            where.append(" and lower(email) = :self");
            params.and("self", email.toLowerCase(Locale.ROOT));
        });
        return find(where.toString(), sort, params);
    }

    public Optional<Official> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /**
     * Officials of any ministry having one of the emails (compared in lower case). One array parameter, not an IN
     * list: a prepared IN list of thousands of values gets a generic plan that compares every row with every value
     * (seconds per thousand emails); {@code = any(array)} uses the index on {@code lower(email)}.
     */
    @SuppressWarnings("unchecked")
    public List<Official> findByEmails(Collection<String> lowerCaseEmails) {
        return getEntityManager()
                .createNativeQuery("select * from official where lower(email) = any(?1)", Official.class)
                .setParameter(1, lowerCaseEmails.toArray(String[]::new))
                .getResultList();
    }

    /** The ministry of each of these (lower-case) emails that belongs to an official. */
    public Map<String, String> ministriesOfEmails(Collection<String> lowerCaseEmails) {
        Map<String, String> ministries = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select lower(email), ministry_code from official where lower(email) = any(?1)")
                .setParameter(1, lowerCaseEmails.toArray(String[]::new))
                .getResultList();
        rows.forEach(row -> ministries.put((String) row[0], (String) row[1]));
        return ministries;
    }

    private static List<String> words(String q) {
        String folded = Text.fold(q);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }
}
