package vn.secondment.data.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The audit trail of a service: each change is written in the same transaction as the change itself, as the list of
 * fields whose value differs between the state before and after (both given as field-name → value maps, in the API's
 * field names so that readers see the names they know).
 */
@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditEntry, UUID> {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change; returns false (and records nothing) when no field changed.
     *
     * @param before the state before, or an empty map for a new record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String entityType, Object entityId, String ministry, String action,
                          Map<String, ?> before, Map<String, ?> after, String actor, String reason) {
        List<FieldChange> changes = diff(before, after);
        if (changes.isEmpty()) {
            return false;
        }
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.entityType = entityType;
        entry.entityId = entityId.toString();
        entry.ministry = ministry;
        entry.action = action;
        entry.actor = actor;
        entry.at = clock.instant();
        // the column holds 500 characters; a reason built from a long file name must not fail the change
        entry.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
        entry.changes = write(changes);
        persist(entry);
        return true;
    }

    /** The history of one record, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<AuditRecordView> history(String entityType, Object entityId, Paging paging) {
        PanacheQuery<AuditEntry> query = find("entityType = ?1 and entityId = ?2",
                Sort.descending("at").and("id"), entityType, entityId.toString())
                .page(Page.of(paging.page, paging.size));
        List<AuditRecordView> items = query.list().stream()
                .map(e -> new AuditRecordView(e.at, e.actor, e.action, e.reason, read(e.changes)))
                .toList();
        return new PageView<>(items, paging.page, paging.size, query.count());
    }

    private String write(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<FieldChange> read(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit entry", e);
        }
    }

    static List<FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object from = before.get(field);
            Object to = after.get(field);
            if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return changes;
    }
}
