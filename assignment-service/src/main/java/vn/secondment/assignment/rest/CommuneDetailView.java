package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.reference.CommuneType;

import java.time.LocalDate;
import java.util.List;

/** A commune as of a day, the names of its province that day, and all its versions. */
@Schema(name = "CommuneDetail")
public record CommuneDetailView(@Schema(examples = "26248") String code,
                                @Schema(examples = "Trảng Bom") String name,
                                @Schema(examples = "Phường Trảng Bom") String fullName,
                                CommuneType type,
                                @Schema(examples = "75") String provinceCode,
                                @Schema(examples = "Đồng Nai") String provinceName,
                                @Schema(examples = "Thành phố Đồng Nai") String provinceFullName,
                                @Schema(examples = "Trang Bom") String nameEn,
                                LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
                                @Schema(description = "Every version, oldest first")
                                List<CommuneVersionView> history) {
}
