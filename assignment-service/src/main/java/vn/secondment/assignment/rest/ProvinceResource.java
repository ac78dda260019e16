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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.mapping.ReferenceMapper;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.CommuneType;
import vn.secondment.reference.Province;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Authenticated
@Path("/provinces")
@Tag(name = ProvinceResource.TAG, description = ProvinceResource.TAG_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
public class ProvinceResource {

    static final String TAG = "Administrative units";
    static final String TAG_DESCRIPTION = "Vietnam's provinces and communes from 1 July 2025 (34 provinces, 3,321 "
            + "communes, no district tier), read-only and effective-dated: every read is as of a day (asOf)";

    static final String LIST_EXAMPLE = """
            [{"code": "01", "name": "Hà Nội", "fullName": "Thành phố Hà Nội", "type": "THANH_PHO", "nameEn": "Ha Noi",
              "validFrom": "2025-07-01", "validTo": null, "xa": 75, "phuong": 51, "dacKhu": 0, "total": 126},
             {"code": "75", "name": "Đồng Nai", "fullName": "Tỉnh Đồng Nai", "type": "TINH", "nameEn": "Dong Nai",
              "validFrom": "2025-07-01", "validTo": "2026-04-29", "xa": 72, "phuong": 23, "dacKhu": 0, "total": 95}]""";
    static final String DETAIL_EXAMPLE = """
            {"code": "75", "name": "Đồng Nai", "fullName": "Thành phố Đồng Nai", "type": "THANH_PHO",
             "nameEn": "Dong Nai", "validFrom": "2026-04-30", "validTo": null,
             "xa": 62, "phuong": 33, "dacKhu": 0, "total": 95,
             "history": [
               {"name": "Đồng Nai", "fullName": "Tỉnh Đồng Nai", "type": "TINH", "nameEn": "Dong Nai",
                "validFrom": "2025-07-01", "validTo": "2026-04-29"},
               {"name": "Đồng Nai", "fullName": "Thành phố Đồng Nai", "type": "THANH_PHO", "nameEn": "Dong Nai",
                "validFrom": "2026-04-30", "validTo": null}]}""";
    static final String COMMUNE_PAGE_EXAMPLE = """
            {"items": [
               {"code": "25210", "name": "Đồng Xoài", "fullName": "Phường Đồng Xoài", "type": "PHUONG",
                "provinceCode": "75", "provinceName": "Đồng Nai", "provinceFullName": "Tỉnh Đồng Nai",
                "nameEn": "Dong Xoai", "validFrom": "2025-07-01", "validTo": null}],
             "page": 0, "size": 20, "totalItems": 1}""";

    private final AdministrativeUnits units;
    private final Clock clock;
    private final ReferenceMapper mapper;

    public ProvinceResource(AdministrativeUnits units, Clock clock, ReferenceMapper mapper) {
        this.units = units;
        this.clock = clock;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "listProvinces", summary = "List the provinces",
            description = "The 34 provincial-level units in force on the day (6 thành phố and 28 tỉnh from "
                    + "2025-07-01; 7 and 27 from 2026-04-30), by code, with the number of xã, phường and đặc khu "
                    + "of each that day.")
    @APIResponse(responseCode = "200", description = "The provinces, by code",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProvinceView.class),
                    examples = @ExampleObject(name = "provinces", value = LIST_EXAMPLE)))
    public List<ProvinceView> list(@QueryParam("asOf") @Parameter(description = ReferenceDates.AS_OF_DESCRIPTION)
                                   LocalDate asOf,
                                   @QueryParam("q") @Size(max = 100)
                                   @Parameter(description = "Only provinces whose full or English name has these "
                                           + "words, ignoring case and diacritics, the last word may be cut short "
                                           + "(e.g. ho chi minh, dong n); or the exact code")
                                   String q) {
        LocalDate day = ReferenceDates.resolve(asOf, clock);
        String folded = Text.fold(q);
        return units.provinces(day).stream()
                .filter(p -> folded.isEmpty() || matches(p, q.strip(), folded))
                .map(p -> mapper.toView(p, units.communes(p.code(), day)))
                .toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProvince", summary = "Read one province with its history",
            description = "The province as of the day, its commune counts that day and every version of it "
                    + "(a change of name or type starts a new version).")
    @APIResponse(responseCode = "200", description = "The province",
            content = @Content(schema = @Schema(implementation = ProvinceDetailView.class),
                    examples = @ExampleObject(name = "Đồng Nai after Nghị quyết 30/2026/QH16", value = DETAIL_EXAMPLE)))
    public ProvinceDetailView get(@PathParam("code") @Parameter(description = "The 2-digit code", example = "75")
                                  String code,
                                  @QueryParam("asOf") @Parameter(description = ReferenceDates.AS_OF_DESCRIPTION)
                                  LocalDate asOf) {
        LocalDate day = ReferenceDates.resolve(asOf, clock);
        Province province = inForce(code, day);
        return mapper.toDetail(province, units.communes(code, day), units.provinceHistory(code));
    }

    @GET
    @Path("/{code}/communes")
    @Operation(operationId = "listProvinceCommunes", summary = "List the communes of a province",
            description = "The xã, phường and đặc khu of the province in force on the day, by code; with q, those "
                    + "whose full name has these words (ignoring case and diacritics), exact names first.")
    @APIResponse(responseCode = "200", description = "One page of the communes",
            content = @Content(schema = @Schema(ref = "CommunePage"),
                    examples = @ExampleObject(name = "communes", value = COMMUNE_PAGE_EXAMPLE)))
    public PageView<CommuneView> communes(@PathParam("code") @Parameter(description = "The 2-digit province code",
                                                  example = "75") String code,
                                          @QueryParam("asOf")
                                          @Parameter(description = ReferenceDates.AS_OF_DESCRIPTION) LocalDate asOf,
                                          @QueryParam("type") @Parameter(description = "Only communes of this type")
                                          CommuneType type,
                                          @QueryParam("q") @Size(max = 100)
                                          @Parameter(description = "Words of the name, ignoring case and diacritics; "
                                                  + "the last may be cut short (e.g. dong xoai, phuong dong x)")
                                          String q,
                                          @BeanParam @Valid Paging paging) {
        LocalDate day = ReferenceDates.resolve(asOf, clock);
        Province province = inForce(code, day);
        return Pages.of(units.search(q, code, type, day).stream().map(c -> mapper.toView(c, province)).toList(),
                paging);
    }

    private Province inForce(String code, LocalDate day) {
        if (units.provinceHistory(code).isEmpty()) {
            throw ProblemException.notFound("Province", code);
        }
        return units.province(code, day).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "Province " + code + " does not exist on " + day));
    }

    private static boolean matches(Province province, String typed, String folded) {
        return province.code().equals(typed)
                || (" " + Text.fold(province.fullName())).contains(" " + folded)
                || (" " + Text.fold(province.nameEn())).contains(" " + folded);
    }
}
