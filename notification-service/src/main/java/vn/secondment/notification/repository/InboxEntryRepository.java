package vn.secondment.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.InboxReader;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class InboxEntryRepository implements PanacheRepositoryBase<InboxEntry, UUID> {

    /** The read state a list shows with each entry: when the reader read it, or null. */
    public record Read(InboxEntry entry, Instant readAt) {
    }

    /** The filters of a reader's inbox list; null means "not filtered by this". */
    public record Filter(Boolean unread, String typePrefix, String subjectId, Instant from, Instant to) {
    }

    /** A JPQL condition with its named parameters, to combine into a query. */
    public record Condition(String jpql, Map<String, Object> parameters) {
    }

    /**
     * THE visibility rule, as JPQL on alias {@code e}: entries addressed to the reader (token subject, or their
     * verified email compared without case), or to one of their roles within their ministry, province and unit (an
     * entry without a ministry, province or unit is not narrowed by it).
     * {@link #isVisibleTo} is the same rule in Java, for entries already in memory (the live stream): change both.
     */
    public static Condition visibleTo(InboxReader reader) {
        return new Condition("""
                (e.recipient = :visibleSubject
                 or lower(e.recipientEmail) = :visibleEmail
                 or (e.audienceRole in :visibleRoles
                     and (e.ministry is null or e.ministry = :visibleMinistry)
                     and (e.province is null or e.province = :visibleProvince)
                     and (e.unit is null or e.unit = :visibleUnit)))""",
                Map.of("visibleSubject", reader.subject(),
                        // "-" is no email, role, ministry, province or unit: a reader without one matches no entry
                        // addressed or narrowed by it
                        "visibleEmail", reader.email() == null ? "-" : reader.email(),
                        "visibleRoles", reader.roles().isEmpty() ? Set.of("-") : reader.roles(),
                        "visibleMinistry", reader.ministry() == null ? "-" : reader.ministry(),
                        "visibleProvince", reader.province() == null ? "-" : reader.province(),
                        "visibleUnit", reader.unit() == null ? "-" : reader.unit()));
    }

    /** {@link #visibleTo} evaluated in Java on one entry; the two must stay the same rule. */
    public static boolean isVisibleTo(InboxEntry entry, InboxReader reader) {
        return isVisibleTo(entry.recipient, entry.recipientEmail, entry.audienceRole, entry.ministry, entry.province,
                entry.unit, reader);
    }

    /** {@link #visibleTo} evaluated in Java on an entry's addressing, e.g. a live entry read from Kafka. */
    public static boolean isVisibleTo(String recipient, String recipientEmail, String audienceRole, String ministry,
                                      String province, String unit, InboxReader reader) {
        return Objects.equals(recipient, reader.subject())
                || (recipientEmail != null && reader.email() != null
                    && recipientEmail.toLowerCase(Locale.ROOT).equals(reader.email()))
                || (audienceRole != null && reader.roles().contains(audienceRole)
                    && (ministry == null || ministry.equals(reader.ministry()))
                    && (province == null || province.equals(reader.province()))
                    && (unit == null || unit.equals(reader.unit())));
    }

    /** One page of what the reader sees, newest first, each with the reader's read state. */
    public List<Read> page(InboxReader reader, Filter filter, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = listConditions(reader, filter, parameters);
        TypedQuery<Object[]> query = getEntityManager().createQuery("select e, r.readAt " + RECEIPT_JOIN + where
                + " order by e.createdAt desc, e.id", Object[].class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> new Read((InboxEntry) row[0], (Instant) row[1]))
                .toList();
    }

    public long count(InboxReader reader, Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = listConditions(reader, filter, parameters);
        TypedQuery<Long> query = getEntityManager().createQuery("select count(e) " + RECEIPT_JOIN + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public long countUnread(InboxReader reader) {
        return count(reader, new Filter(true, null, null, null, null));
    }

    public boolean isVisible(UUID id, InboxReader reader) {
        Condition visible = visibleTo(reader);
        TypedQuery<Long> query = getEntityManager().createQuery(
                "select count(e) from InboxEntry e where e.id = :id and " + visible.jpql(), Long.class);
        visible.parameters().forEach(query::setParameter);
        return query.setParameter("id", id).getSingleResult() > 0;
    }

    /**
     * Records that the reader read the entry, unless they already did (then the first read time stays).
     * {@code on conflict do nothing} makes two devices marking it at once both succeed.
     */
    public void markRead(UUID id, InboxReader reader, Instant at) {
        getEntityManager().createQuery("""
                        insert into InboxReceipt (entryId, userSubject, readAt) values (:id, :reader, :at)
                        on conflict do nothing""")
                .setParameter("id", id)
                .setParameter("reader", reader.subject())
                .setParameter("at", at)
                .executeUpdate();
    }

    /** Marks every entry the reader sees and has not read, created at or before {@code before} when given. */
    public int markAllRead(InboxReader reader, Instant before, Instant at) {
        Condition visible = visibleTo(reader);
        Query insert = getEntityManager().createQuery("""
                        insert into InboxReceipt (entryId, userSubject, readAt)
                        select e.id, :reader, :at from InboxEntry e
                        where %s
                          and not exists (select 1 from InboxReceipt r where r.entryId = e.id and r.userSubject = :reader)
                          %s
                        on conflict do nothing""".formatted(visible.jpql(),
                before == null ? "" : "and e.createdAt <= :before"));
        visible.parameters().forEach(insert::setParameter);
        if (before != null) {
            insert.setParameter("before", before);
        }
        return insert.setParameter("reader", reader.subject())
                .setParameter("at", at)
                .executeUpdate();
    }

    private static final String RECEIPT_JOIN = "from InboxEntry e left join InboxReceipt r "
            + "on r.entryId = e.id and r.userSubject = :reader";

    private static String listConditions(InboxReader reader, Filter filter, Map<String, Object> parameters) {
        Condition visible = visibleTo(reader);
        StringBuilder where = new StringBuilder(" where ").append(visible.jpql());
        parameters.putAll(visible.parameters());
        parameters.put("reader", reader.subject());
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and r.entryId is null" : " and r.entryId is not null");
        }
        if (filter.typePrefix() != null) {
            where.append(" and e.eventType like :typePrefix escape '\\'");
            parameters.put("typePrefix", filter.typePrefix().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.subjectId() != null) {
            where.append(" and e.subjectId = :subjectId");
            parameters.put("subjectId", filter.subjectId());
        }
        if (filter.from() != null) {
            where.append(" and e.createdAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and e.createdAt <= :to");
            parameters.put("to", filter.to());
        }
        return where.toString();
    }
}
