package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.reference.CommuneType;

import java.time.LocalDate;

/** A commune (xã, phường or đặc khu) as of a day, with the names of its province that day. */
@Schema(name = "Commune")
public record CommuneView(@Schema(examples = "25942") String code,
                          @Schema(examples = "Dĩ An") String name,
                          @Schema(examples = "Phường Dĩ An") String fullName,
                          CommuneType type,
                          @Schema(examples = "79") String provinceCode,
                          @Schema(examples = "Hồ Chí Minh") String provinceName,
                          @Schema(examples = "Thành phố Hồ Chí Minh") String provinceFullName,
                          @Schema(examples = "Di An") String nameEn,
                          @Schema(description = "First day of this version") LocalDate validFrom,
                          @Schema(nullable = true,
                                  description = "Last day of this version (inclusive); null while valid")
                          LocalDate validTo) {
}
