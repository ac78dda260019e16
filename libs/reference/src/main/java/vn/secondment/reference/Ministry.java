package vn.secondment.reference;

import java.time.LocalDate;

/**
 * One version of a ministry or ministry-level agency, from {@code validFrom} to {@code validTo} (the last day,
 * inclusive; null while it exists).
 *
 * @param code   the abbreviation used in document numbers, e.g. {@code BNV} in 878/QĐ-BNV
 * @param nameVi "Bộ Nội vụ"
 * @param nameEn "Ministry of Home Affairs"
 * @param kind   {@code MINISTRY} (bộ) or {@code AGENCY} (cơ quan ngang bộ)
 */
public record Ministry(String code, String nameVi, String nameEn, String kind, LocalDate validFrom,
                       LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The name in {@code language} ({@code en}, else Vietnamese). */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameVi;
    }
}
