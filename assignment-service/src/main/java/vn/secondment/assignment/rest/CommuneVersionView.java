package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.reference.CommuneType;

import java.time.LocalDate;

/** One version of a commune: its names, type and province from validFrom to validTo (inclusive; null while valid). */
@Schema(name = "CommuneVersion")
public record CommuneVersionView(String name, String fullName, CommuneType type, String provinceCode, String nameEn,
                                 LocalDate validFrom, @Schema(nullable = true) LocalDate validTo) {
}
