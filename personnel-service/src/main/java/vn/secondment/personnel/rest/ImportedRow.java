package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * What one row of an imported annex became.
 *
 * @param row                 the row number as in Excel
 * @param officialId          the official: new or already in the directory (matched by work email); null in a dry
 *                            run for an official who would be created
 * @param created             true when the row adds an official to the directory
 * @param provinceCode        imported into a deployment: the province the row assigns the official to; else null
 * @param role                imported into a deployment: LEAD or MEMBER; else null
 * @param assignmentId        imported into a deployment: the id the assignment has (the same on every import of the
 *                            row into that deployment); null in a dry run for a new official, and without deployment
 * @param assignmentRequested imported into a deployment: true when this import asked assignment-service to create the
 *                            assignment, false when it already exists there
 */
@Schema(name = "ImportedRow")
public record ImportedRow(int row, @Schema(nullable = true) UUID officialId, boolean created,
                          @Schema(nullable = true) String provinceCode, @Schema(nullable = true) String role,
                          @Schema(nullable = true) UUID assignmentId, boolean assignmentRequested) {
}
