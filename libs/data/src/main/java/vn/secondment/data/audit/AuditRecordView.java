package vn.secondment.data.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An audit entry as the API shows it. */
@Schema(name = "AuditRecord", description = "Who changed what, from which value to which, when and why")
public record AuditRecordView(Instant at, String actor, String action, String reason, List<FieldChange> changes) {

    /** A page of an audit log, as the OpenAPI examples of every audit endpoint show it. */
    public static final String PAGE_EXAMPLE = """
            {"items": [{"at": "2025-09-02T08:15:00Z", "actor": "bnv.admin", "action": "updated",
            "changes": [{"field": "position", "from": "Phó Vụ trưởng", "to": "Vụ trưởng"}]},
            {"at": "2025-08-20T02:00:00Z", "actor": "bnv.admin", "action": "imported",
            "reason": "Import of phu-luc-878.xlsx (878/QĐ-BNV)",
            "changes": [{"field": "fullName", "from": null, "to": "Nguyễn Thị Hoa"}]}],
            "page": 0, "size": 20, "totalItems": 2}""";
}
