package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.service.AnnexImportService;
import vn.secondment.rest.problem.Problem;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of an annex import: what it did (or, in a dry run, would do) and every invalid cell.
 *
 * @param importId  shared with the events the import published
 * @param dryRun    true when nothing was written
 * @param committed true when the changes were saved
 * @param rows      data rows read (blank rows skipped)
 * @param created   officials added
 * @param updated   officials whose details changed
 * @param unchanged rows matching an official already up to date
 * @param errorCount how many cells are invalid
 * @param errors    one entry per invalid cell (the first {@value AnnexImportService#MAX_LISTED_ERRORS}): row number
 *                  as in Excel, column header as in the file, message
 * @param deploymentId the deployment the annex was imported into (its rows also assign the officials); null when
 *                  only the directory was imported
 * @param officials one entry per valid row, in file order: the official's id and, into a deployment, the assignment's
 *                  (empty when a cell is invalid)
 */
@Schema(name = "ImportReport")
public record ImportReport(UUID importId, String ministryCode, String decision, String fileName, boolean dryRun,
                           boolean committed, int rows, int created, int updated, int unchanged,
                           int errorCount, List<Problem.Violation> errors,
                           @Schema(nullable = true) UUID deploymentId, List<ImportedRow> officials) {
}
