package vn.secondment.reference;

import java.time.LocalDate;

/**
 * One version of a provincial-level unit: its names and type from {@code validFrom} to {@code validTo} (the last
 * day it is valid, inclusive; null while still valid). A unit whose name or type changes has several versions
 * under one code.
 */
public record Province(String code, String name, String fullName, ProvinceType type, String nameEn,
                       LocalDate validFrom, LocalDate validTo) {

    boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * How a text names it in {@code language}: "Thành phố Hồ Chí Minh", or in English ({@code en}) "Ho Chi Minh
     * City", "Dong Nai Province".
     */
    public String name(String language) {
        if (!"en".equals(language)) {
            return fullName;
        }
        return nameEn + (type == ProvinceType.THANH_PHO ? " City" : " Province");
    }

    /** "Thành phố Hồ Chí Minh (79)": how messages name it. */
    String label() {
        return fullName + " (" + code + ")";
    }
}
