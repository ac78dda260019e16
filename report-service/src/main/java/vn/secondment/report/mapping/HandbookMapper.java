package vn.secondment.report.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.HandbookEntry;
import vn.secondment.report.rest.HandbookEntryView;

import java.util.LinkedHashMap;
import java.util.Map;

/** Handbook entries to API views and audit states. */
@ApplicationScoped
public class HandbookMapper {

    public HandbookEntryView toView(HandbookEntry e) {
        return new HandbookEntryView(e.id, e.issueId, e.ministryCode, e.field, e.field.label(), e.question, e.answer,
                e.guidanceDocument, e.publishedBy, e.publishedAt, e.updatedAt, e.withdrawnAt, e.withdrawalReason,
                e.version);
    }

    /** The entry in the API's field names, for the audit trail. */
    public Map<String, Object> auditState(HandbookEntry e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("question", e.question);
        state.put("answer", e.answer);
        state.put("field", e.field == null ? null : e.field.name());
        state.put("guidanceDocument", e.guidanceDocument);
        state.put("withdrawnAt", e.withdrawnAt == null ? null : e.withdrawnAt.toString());
        return state;
    }
}
