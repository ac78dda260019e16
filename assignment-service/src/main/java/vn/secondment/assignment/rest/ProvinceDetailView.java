package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.reference.ProvinceType;

import java.time.LocalDate;
import java.util.List;

/** A province as of a day, its commune counts that day, and all its versions. */
@Schema(name = "ProvinceDetail")
public record ProvinceDetailView(@Schema(examples = "75") String code,
                                 @Schema(examples = "Đồng Nai") String name,
                                 @Schema(examples = "Thành phố Đồng Nai") String fullName,
                                 ProvinceType type,
                                 @Schema(examples = "Dong Nai") String nameEn,
                                 LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
                                 int xa, int phuong, int dacKhu, int total,
                                 @Schema(description = "Every version, oldest first")
                                 List<ProvinceVersionView> history) {
}
