package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.RevisionChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated version of a deployment or an assignment.
 *
 * @param effectiveFrom the day it took effect (the amending decision's date, an arrival...)
 * @param recordedAt    when it was entered
 * @param decisionId    the record of the decision that ordered it (GET /decisions/{id}), if one did
 */
public record RevisionView(RevisionChange change, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
                           String status, LocalDate startDate, LocalDate endDate,
                           @Schema(nullable = true) String reason, @Schema(nullable = true) String decisionNumber,
                           @Schema(nullable = true) LocalDate decisionDate,
                           @Schema(nullable = true) UUID decisionId) {
}
