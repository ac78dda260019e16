package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.Ministry;

import java.time.LocalDate;

@Schema(name = "Ministry")
public record MinistryView(@Schema(examples = "BNV") String code,
                           @Schema(examples = "Bộ Nội vụ") String nameVi,
                           @Schema(examples = "Ministry of Home Affairs") String nameEn,
                           Ministry.Kind kind, LocalDate validFrom, LocalDate validTo, long version) {
}
