package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.AfterTheFact;
import vn.secondment.report.IssueStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of an issue.
 *
 * @param actor     who took it; null for a viewer
 * @param actorRole the role they acted in (officer, province-liaison, coordinator, ministry-admin, ministry-unit,
 *                  platform-admin, system)
 * @param note      the answer, the reason or the note written with the step
 * @param unit      the unit escalated to
 * @param ministry  the ministry referred to, or addressed when raised
 * @param deadline  the deadline set by an escalation
 * @param enteredAfterTheFact who entered the step after it happened and when ({@code at} is when it happened);
 *                  null for a step recorded as it happened
 */
public record IssueHistoryView(int step, Instant at, String action, String actor, String actorRole,
                               @Schema(nullable = true) IssueStatus fromStatus, IssueStatus toStatus,
                               @Schema(nullable = true) String note, @Schema(nullable = true) String guidanceDocument,
                               @Schema(nullable = true) String unit, @Schema(nullable = true) String ministry,
                               @Schema(nullable = true) LocalDate deadline,
                               @Schema(nullable = true) AfterTheFact enteredAfterTheFact) {

    public static final String LIST_EXAMPLE = """
            [{"step": 1, "at": "2025-09-10T03:00:00Z", "action": "RAISED", "actor": "hoa.nt", "actorRole": "officer",
              "fromStatus": null, "toStatus": "OPEN", "note": null, "guidanceDocument": null, "unit": null,
              "ministry": "BNV", "deadline": null, "enteredAfterTheFact": null},
             {"step": 2, "at": "2025-09-11T02:00:00Z", "action": "ESCALATED", "actor": "bnv.tccb",
              "actorRole": "coordinator", "fromStatus": "OPEN", "toStatus": "ESCALATED",
              "note": "Đề nghị Vụ Chính quyền địa phương hướng dẫn", "guidanceDocument": null, "unit": "VU-CQDP",
              "ministry": null, "deadline": "2025-09-14", "enteredAfterTheFact": null}]""";
}
