package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.reference.ProvinceType;

import java.time.LocalDate;

/** A province as of a day, with the number of its communes of each type that day. */
@Schema(name = "Province")
public record ProvinceView(@Schema(examples = "75") String code,
                           @Schema(examples = "Đồng Nai") String name,
                           @Schema(examples = "Tỉnh Đồng Nai") String fullName,
                           ProvinceType type,
                           @Schema(examples = "Dong Nai") String nameEn,
                           @Schema(description = "First day of this version") LocalDate validFrom,
                           @Schema(nullable = true,
                                   description = "Last day of this version (inclusive); null while valid")
                           LocalDate validTo,
                           @Schema(description = "Number of xã") int xa,
                           @Schema(description = "Number of phường") int phuong,
                           @Schema(description = "Number of đặc khu") int dacKhu,
                           @Schema(description = "Number of communes of all types") int total) {
}
