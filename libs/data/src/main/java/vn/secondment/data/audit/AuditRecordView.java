package vn.secondment.data.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An audit entry as the API shows it. */
@Schema(name = "AuditRecord", description = "Who changed what, from which value to which, when and why")
public record AuditRecordView(Instant at, String actor, String action, String reason, List<FieldChange> changes) {
}
