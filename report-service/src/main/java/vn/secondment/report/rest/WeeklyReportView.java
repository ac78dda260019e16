package vn.secondment.report.rest;

import vn.secondment.report.WeeklyReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A weekly report of an assignment.
 *
 * @param dueAt   its deadline (the configured day and time of its week, Vietnam time)
 * @param overdue still due after its deadline
 */
public record WeeklyReportView(UUID id, UUID assignmentId, UUID officialId, String ministryCode,
                               String provinceCode, String week, LocalDate weekStart, Instant dueAt,
                               WeeklyReportStatus status, boolean overdue, long version) {

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "9b2f8c1e-4a7d-4f0e-8a54-3c2d1e0f9a8b",
              "assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
              "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "ministryCode": "BNV", "provinceCode": "79",
              "week": "2025-W37", "weekStart": "2025-09-08", "dueAt": "2025-09-12T10:00:00Z", "status": "DUE",
              "overdue": true, "version": 0}],
             "page": 0, "size": 20, "totalItems": 1}""";
}
