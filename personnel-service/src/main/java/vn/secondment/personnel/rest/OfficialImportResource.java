package vn.secondment.personnel.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.personnel.service.AnnexImportService;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Roles;
import vn.secondment.tabular.TableFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

@Authenticated
@Path("/officials/imports")
@Tag(name = "Officials")
@Produces(MediaType.APPLICATION_JSON)
public class OfficialImportResource {

    private final AnnexImportService imports;
    private final DirectoryAccess access;

    public OfficialImportResource(AnnexImportService imports, DirectoryAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "importOfficials", summary = "Import a decision annex (CSV or XLSX)",
            description = """
                    Upload the list of officials a ministry seconds. The header row (title lines above it are \
                    skipped) names the columns, in Vietnamese or English: Họ và tên, Giới tính (Nam/Nữ), Ngày sinh \
                    (17/05/1980), Đơn vị (unit code or name), Chức vụ, Ngạch, Công chức/Viên chức, Email, Điện thoại, \
                    Lĩnh vực chuyên môn (separated by ;). Họ và tên and Email are required; other columns are \
                    optional and unknown ones (STT, Ghi chú) ignored.

                    Every row is validated before anything is written. With dryRun=true nothing is written and the \
                    report lists what would happen and every invalid cell. Otherwise the file is imported all or \
                    nothing: one invalid cell refuses it with 422 and the same list of errors (row, column, message).

                    The work email is the natural key: a row whose email is already in the ministry updates that \
                    official, so importing the same file again creates no duplicates. The answer lists each row's \
                    official id (officials), new or matched.

                    With deployment=<id> the annex is imported into that deployment (of your ministry, not completed \
                    or cancelled): each row also needs the column Tỉnh, thành phố (a province code or name, one of \
                    the deployment's target provinces) and may have Vai trò (Trưởng nhóm or Thành viên, blank: \
                    Thành viên). An official already holding another assignment over the deployment's period is an \
                    invalid row, like any other cell. The new officials are created and each row's assignment is \
                    asked of assignment-service (event vn.secondment.personnel.annex-assignment.requested), which \
                    creates it as planned a moment later with the assignmentId this answer gives: the same id on \
                    every import of the row, so importing the annex again creates nothing new.""")
    @APIResponse(responseCode = "200", description = "Imported, or the dry run's report",
            content = @Content(schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "imported", value = """
                            {"importId": "6f1c2a9e-2b1f-4c55-9a53-0c6d3e9b8a11", "ministryCode": "BNV",
                            "decision": "878/QĐ-BNV", "fileName": "phu-luc-878.xlsx", "dryRun": false,
                            "committed": true, "rows": 34, "created": 34, "updated": 0, "unchanged": 0,
                            "errorCount": 0, "errors": [], "deploymentId": null, "officials": [{"row": 5,
                            "officialId": "0f8fad5b-d9cb-469f-a165-70867728950e", "created": true,
                            "provinceCode": null, "role": null, "assignmentId": null,
                            "assignmentRequested": false}]}""")))
    @APIResponse(responseCode = "422", description = "Invalid cells; nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad rows", value = """
                            {"type": "https://secondment.gov.vn/problems/unprocessable",
                            "title": "The request cannot be processed", "status": 422,
                            "detail": "1 invalid cell(s) in phu-luc-878.xlsx; nothing was imported. Each violation \
                            names the row and column", "instance": "/api/personnel/officials/imports",
                            "violations": [{"field": "email", "message": "must be a well-formed email address",
                            "row": 7, "column": "Email"}]}""")))
    @APIResponse(responseCode = "409", description = "The deployment is completed, cancelled or over: no assignment can "
            + "be added", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "deployment cancelled", value = """
                    {"type": "https://secondment.gov.vn/problems/conflict", "title": "Conflict", "status": 409,
                    "detail": "Deployment 7c9e6679-7425-40de-944b-e07fc1f90ae7 is CANCELLED: no assignment can be \
                    added", "instance": "/api/personnel/officials/imports"}""")))
    public ImportReport importAnnex(
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
            @QueryParam("ministry") @Pattern(regexp = Patterns.MINISTRY_CODE, message = Patterns.MINISTRY_CODE_MESSAGE)
            @Parameter(description = "Whose officials; defaults to your ministry (e.g. BNV)") String ministry,
            @QueryParam("decision") @Pattern(regexp = Patterns.DECISION, message = Patterns.DECISION_MESSAGE)
            @Parameter(description = "The decision the annex belongs to, kept in the audit log (e.g. 878/QĐ-BNV)")
            String decision,
            @QueryParam("dryRun") @DefaultValue("false")
            @Parameter(description = "Validate and report without writing anything") boolean dryRun,
            @QueryParam("deployment")
            @Parameter(description = "Import into this deployment (assignment-service's id): each row also assigns the "
                    + "official to the province of its Tỉnh, thành phố column") UUID deployment) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "is required: a .csv or .xlsx file in the form field 'file'");
        }
        if (file.fileName() == null || file.fileName().isBlank()) {
            // a text field named file: the form sent a value, not a file
            throw ProblemException.invalid("file", "must be a file (a form part with a filename), a .csv or .xlsx");
        }
        if (file.size() == 0) {
            throw ProblemException.invalid("file", "is empty: send the .csv or .xlsx annex with its header row");
        }
        TableFormat format = TableFormat.ofFileName(file.fileName())
                .or(() -> TableFormat.ofMediaType(file.contentType()))
                .orElseThrow(() -> ProblemException.invalid("file", "must be a .csv or .xlsx file"));
        // into a deployment, the annex is of the deployment's ministry unless the caller names one (checked)
        String target = ministry != null || deployment != null ? ministry : access.caller().ministry().orElseThrow(
                () -> ProblemException.invalid("ministry", "is required when your account has no ministry"));
        var request = new AnnexImportService.Request(target, decision == null ? null : decision.strip(),
                file.fileName(), format, dryRun, deployment);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return imports.importAnnex(request, in, access);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
