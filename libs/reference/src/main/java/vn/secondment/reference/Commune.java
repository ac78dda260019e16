package vn.secondment.reference;

import java.time.LocalDate;

/**
 * One version of a commune-level unit (xã, phường or đặc khu) of a province, from {@code validFrom} to
 * {@code validTo} (the last day it is valid, inclusive; null while still valid).
 */
public record Commune(String code, String name, String fullName, CommuneType type, String provinceCode,
                      String nameEn, LocalDate validFrom, LocalDate validTo) {

    boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** "Phường Dĩ An (25942)": how messages name it. */
    String label() {
        return fullName + " (" + code + ")";
    }
}
