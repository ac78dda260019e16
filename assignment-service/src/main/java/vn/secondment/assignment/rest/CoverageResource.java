package vn.secondment.assignment.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.CoverageExport;
import vn.secondment.assignment.service.CoverageService;
import vn.secondment.rest.Formats;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.tabular.Downloads;
import vn.secondment.tabular.TableFormat;

import java.time.LocalDate;
import java.util.List;

@Authenticated
@Path("/coverage")
@Tag(name = "Coverage", description = "Officials required and present in the 34 provinces, ministries side by side")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    static final String RULES = "Required: the sum, over the ministry's issued, in-progress or completed deployments "
            + "whose current period contains the day, of the officials each asks for in the province (its "
            + "officialsPerProvince, or its provinceQuotas exception). Count: the assignments of those deployments "
            + "holding the province that day (the day lies within the assignment's period; withdrawn assignments and "
            + "those replaced before the official arrived do not count, an official replaced after arriving counts "
            + "until the successor starts). State: NONE (nothing required, nobody), GAP (count < required), COVERED, "
            + "EXCESS (count > required). Officials are named only where the caller may read the assignment; the "
            + "count is always complete. Admins, coordinators, province liaisons and viewers read every ministry; "
            + "an officer alone gets 403.";
    static final String MATRIX_EXAMPLE = """
            {"date": "2025-09-15", "type": null,
             "ministries": [{"ministryCode": "BNV",
               "totals": {"required": 35, "officials": 34, "provincesCovered": 33, "gaps": 1, "excess": 0, "shortfall": 1},
               "cells": [{"provinceCode": "01", "provinceName": "Thành phố Hà Nội", "required": 1, "count": 1,
                          "state": "COVERED", "officials": [{"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                          "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "fullName": "Nguyễn Thị Hoa",
                          "role": "LEAD", "status": "ACTIVE", "deploymentId": "0f8fad5b-d9cb-469f-a165-70867728950e",
                          "decisionNumber": "878/QĐ-BNV"}]},
                         {"provinceCode": "79", "provinceName": "Thành phố Hồ Chí Minh", "required": 2, "count": 1,
                          "state": "GAP", "officials": []}]}],
             "totals": {"required": 35, "officials": 34, "provincesCovered": 33, "gaps": 1, "excess": 0, "shortfall": 1}}""";

    private final CoverageService coverage;
    private final CoverageExport export;
    private final AssignmentAccess access;

    public CoverageResource(CoverageService coverage, CoverageExport export, AssignmentAccess access) {
        this.coverage = coverage;
        this.export = export;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getCoverage", summary = "Coverage of the 34 provinces on a day, ministries side by side",
            description = "For each ministry (repeat ministry=; absent: every ministry with a deployment in force or "
                    + "an official on site that day), the 34 provinces by code, named as on that day, with the "
                    + "officials required and present, per-ministry and overall totals. " + RULES)
    @APIResponse(responseCode = "200", description = "The matrix",
            content = @Content(schema = @Schema(implementation = CoverageMatrixView.class),
                    examples = @ExampleObject(name = "Bộ Nội vụ, 15 September 2025", value = MATRIX_EXAMPLE)))
    public CoverageMatrixView matrix(@QueryParam("date")
                                     @Parameter(description = "The day (yyyy-MM-dd)", required = true,
                                             example = "2025-09-15") LocalDate date,
                                     @QueryParam("ministry")
                                     @Parameter(description = "Ministry code; repeat for several side by side "
                                             + "(ministry=BNV&ministry=BCT)") List<String> ministries,
                                     @QueryParam("type")
                                     @Parameter(description = "Only deployments of this type") DeploymentType type) {
        access.requireCoverage();
        return coverage.matrix(required(date), ministries(ministries), type, access.scope());
    }

    @GET
    @Path("/export")
    @Produces({Downloads.CSV, Downloads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportCoverage", summary = "Export the coverage matrix to CSV or XLSX",
            description = "The same matrix, one row per ministry and province (Bộ, Mã tỉnh, Tỉnh/thành phố, Số cán "
                    + "bộ theo yêu cầu, Số cán bộ tăng cường, Tình trạng: Không yêu cầu/Thiếu/Đủ/Thừa, Cán bộ: the "
                    + "names joined with \"; \"). CSV is UTF-8 with a byte order mark so Excel shows Vietnamese "
                    + "correctly; Excel drops the leading zero of a province code in a CSV, the XLSX keeps it. "
                    + RULES)
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.XLSX,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@QueryParam("date")
                           @Parameter(description = "The day (yyyy-MM-dd)", required = true, example = "2025-09-15")
                           LocalDate date,
                           @QueryParam("ministry")
                           @Parameter(description = "Ministry code; repeat for several") List<String> ministries,
                           @QueryParam("type")
                           @Parameter(description = "Only deployments of this type") DeploymentType type,
                           @QueryParam("format") @DefaultValue("csv")
                           @Parameter(description = Downloads.FORMAT_DESCRIPTION) String format) {
        access.requireCoverage();
        LocalDate day = required(date);
        TableFormat table = Downloads.format(format);
        CoverageMatrixView matrix = coverage.matrix(day, ministries(ministries), type, access.scope());
        return Downloads.attachment(export.export(matrix, table), table, "bao-phu-" + day);
    }

    private static LocalDate required(LocalDate date) {
        if (date == null) {
            throw ProblemException.invalid("date", "is required: the day to show (yyyy-MM-dd)");
        }
        return date;
    }

    private static List<String> ministries(List<String> ministries) {
        if (ministries == null) {
            return List.of();
        }
        if (ministries.size() > 30) {
            throw ProblemException.invalid("ministry", "at most 30 ministries at once");
        }
        for (String code : ministries) {
            if (code == null || !code.matches(Formats.MINISTRY_CODE)) {
                throw ProblemException.invalid("ministry", "'" + code + "' " + Formats.MINISTRY_CODE_MESSAGE);
            }
        }
        return ministries;
    }
}
