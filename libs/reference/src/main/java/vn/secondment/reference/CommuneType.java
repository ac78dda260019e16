package vn.secondment.reference;

/** The three kinds of commune-level unit since 1 July 2025: xã (rural), phường (urban ward), đặc khu (special zone). */
public enum CommuneType {

    XA("xa", "Xã"),
    PHUONG("phuong", "Phường"),
    DAC_KHU("dac_khu", "Đặc khu");

    private final String csvValue;
    private final String prefix;

    CommuneType(String csvValue, String prefix) {
        this.csvValue = csvValue;
        this.prefix = prefix;
    }

    /** The value in the reference files ({@code xa}, {@code phuong}, {@code dac_khu}). */
    String csvValue() {
        return csvValue;
    }

    /** The word(s) that start the full name: "Xã Ba Chẽ", "Phường Dĩ An", "Đặc khu Phú Quốc". */
    String prefix() {
        return prefix;
    }

    static CommuneType ofCsv(String value) {
        for (CommuneType type : values()) {
            if (type.csvValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be xa, phuong or dac_khu, not '" + value + "'");
    }
}
