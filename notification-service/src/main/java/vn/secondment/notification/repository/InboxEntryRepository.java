package vn.secondment.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.InboxEntry;

import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class InboxEntryRepository implements PanacheRepositoryBase<InboxEntry, UUID> {

    /**
     * Entries a caller may read: addressed to them, or to one of their roles within their ministry and
     * province (an entry without a ministry or province is not narrowed by it).
     */
    public PanacheQuery<InboxEntry> visibleTo(String subject, Set<String> roles, String ministry, String province) {
        return find("""
                        recipient = :subject
                        or (audienceRole in :roles
                            and (ministry is null or ministry = :ministry)
                            and (province is null or province = :province))""",
                Sort.descending("createdAt").and("id"),
                Parameters.with("subject", subject)
                        .and("roles", roles.isEmpty() ? Set.of("-") : roles)
                        .and("ministry", ministry == null ? "-" : ministry)
                        .and("province", province == null ? "-" : province));
    }
}
