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

    /**
     * How a text names it in {@code language}: "Phường Sài Gòn", or in English ({@code en}) "Sai Gon Ward",
     * "Ba Che Commune", "Phu Quoc Special Zone".
     */
    public String name(String language) {
        if (!"en".equals(language)) {
            return fullName;
        }
        return nameEn + switch (type) {
            case PHUONG -> " Ward";
            case XA -> " Commune";
            case DAC_KHU -> " Special Zone";
        };
    }

    /** "Phường Dĩ An (25942)": how messages name it. */
    String label() {
        return fullName + " (" + code + ")";
    }
}
