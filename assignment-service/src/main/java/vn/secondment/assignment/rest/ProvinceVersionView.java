package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.reference.ProvinceType;

import java.time.LocalDate;

/** One version of a province: its names and type from validFrom to validTo (inclusive; null while valid). */
@Schema(name = "ProvinceVersion")
public record ProvinceVersionView(String name, String fullName, ProvinceType type, String nameEn,
                                  LocalDate validFrom, @Schema(nullable = true) LocalDate validTo) {
}
