package vn.secondment.assignment.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.mapping.ReferenceMapper;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Commune;
import vn.secondment.reference.CommuneType;
import vn.secondment.reference.Province;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Authenticated
@Path("/communes")
@Tag(name = ProvinceResource.TAG, description = ProvinceResource.TAG_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
public class CommuneResource {

    static final String SEARCH_EXAMPLE = """
            {"items": [
               {"code": "25942", "name": "Dĩ An", "fullName": "Phường Dĩ An", "type": "PHUONG",
                "provinceCode": "79", "provinceName": "Hồ Chí Minh", "provinceFullName": "Thành phố Hồ Chí Minh",
                "nameEn": "Di An", "validFrom": "2025-07-01", "validTo": null}],
             "page": 0, "size": 20, "totalItems": 1}""";
    static final String DETAIL_EXAMPLE = """
            {"code": "26248", "name": "Trảng Bom", "fullName": "Phường Trảng Bom", "type": "PHUONG",
             "provinceCode": "75", "provinceName": "Đồng Nai", "provinceFullName": "Thành phố Đồng Nai",
             "nameEn": "Trang Bom", "validFrom": "2026-04-30", "validTo": null,
             "history": [
               {"name": "Trảng Bom", "fullName": "Xã Trảng Bom", "type": "XA", "provinceCode": "75",
                "nameEn": "Trang Bom", "validFrom": "2025-07-01", "validTo": "2026-04-29"},
               {"name": "Trảng Bom", "fullName": "Phường Trảng Bom", "type": "PHUONG", "provinceCode": "75",
                "nameEn": "Trang Bom", "validFrom": "2026-04-30", "validTo": null}]}""";

    private final AdministrativeUnits units;
    private final Clock clock;
    private final ReferenceMapper mapper;

    public CommuneResource(AdministrativeUnits units, Clock clock, ReferenceMapper mapper) {
        this.units = units;
        this.clock = clock;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "searchCommunes", summary = "Search the communes",
            description = "The xã, phường and đặc khu in force on the day whose full name has the words of q, "
                    + "ignoring case and diacritics (\"di an\" and \"Dĩ An\" both find Phường Dĩ An); every word "
                    + "but the last must be whole, the last may be cut short. Exact names first, then names that "
                    + "start with q, then by code. Without q, every commune (of the province, of the type) by code.")
    @APIResponse(responseCode = "200", description = "One page of the matching communes",
            content = @Content(schema = @Schema(ref = "CommunePage"),
                    examples = @ExampleObject(name = "di an", value = SEARCH_EXAMPLE)))
    public PageView<CommuneView> search(@QueryParam("q") @Size(max = 100)
                                        @Parameter(description = "Words of the name, ignoring case and diacritics "
                                                + "(e.g. di an, dong xoai, phuong ba dinh)") String q,
                                        @QueryParam("province")
                                        @Parameter(description = "Only communes of this province (2-digit code, "
                                                + "e.g. 79)") String province,
                                        @QueryParam("type") @Parameter(description = "Only communes of this type")
                                        CommuneType type,
                                        @QueryParam("asOf")
                                        @Parameter(description = ReferenceDates.AS_OF_DESCRIPTION) LocalDate asOf,
                                        @BeanParam @Valid Paging paging) {
        LocalDate day = ReferenceDates.resolve(asOf, clock);
        String provinceCode = province == null || province.isBlank() ? null : province.strip();
        if (provinceCode != null) {
            units.requireProvince("province", provinceCode, day);
        }
        List<CommuneView> found = units.search(q, provinceCode, type, day).stream()
                .map(c -> mapper.toView(c, provinceOf(c, day)))
                .toList();
        return Pages.of(found, paging);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCommune", summary = "Read one commune with its history",
            description = "The commune as of the day, the names of its province that day, and every version of it "
                    + "(a change of name, type or province starts a new version).")
    @APIResponse(responseCode = "200", description = "The commune",
            content = @Content(schema = @Schema(implementation = CommuneDetailView.class),
                    examples = @ExampleObject(name = "a xã that became a phường (237/NQ-UBTVQH16)",
                            value = DETAIL_EXAMPLE)))
    public CommuneDetailView get(@PathParam("code") @Parameter(description = "The 5-digit code", example = "25942")
                                 String code,
                                 @QueryParam("asOf") @Parameter(description = ReferenceDates.AS_OF_DESCRIPTION)
                                 LocalDate asOf) {
        LocalDate day = ReferenceDates.resolve(asOf, clock);
        List<Commune> history = units.communeHistory(code);
        if (history.isEmpty()) {
            throw ProblemException.notFound("Commune", code);
        }
        Commune commune = units.commune(code, day).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "Commune " + code + " does not exist on " + day));
        return mapper.toDetail(commune, provinceOf(commune, day), history);
    }

    /** The loader guarantees that a commune's province exists whenever the commune does. */
    private Province provinceOf(Commune commune, LocalDate day) {
        return units.province(commune.provinceCode(), day).orElseThrow();
    }
}
