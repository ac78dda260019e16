package vn.secondment.reference;

/** The two kinds of provincial-level unit: a centrally governed city (thành phố) or a province (tỉnh). */
public enum ProvinceType {

    THANH_PHO("thanh_pho", "Thành phố"),
    TINH("tinh", "Tỉnh");

    private final String csvValue;
    private final String prefix;

    ProvinceType(String csvValue, String prefix) {
        this.csvValue = csvValue;
        this.prefix = prefix;
    }

    /** The value in the reference files ({@code thanh_pho}, {@code tinh}). */
    String csvValue() {
        return csvValue;
    }

    /** The word that starts the full name: "Thành phố Hồ Chí Minh", "Tỉnh Đồng Nai". */
    String prefix() {
        return prefix;
    }

    static ProvinceType ofCsv(String value) {
        for (ProvinceType type : values()) {
            if (type.csvValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be thanh_pho or tinh, not '" + value + "'");
    }
}
