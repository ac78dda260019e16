package vn.secondment.personnel;

/** The kinds of organisational unit in a ministry, with their Vietnamese names. */
public enum UnitType {
    DEPARTMENT("Vụ"),
    AGENCY("Cục"),
    OFFICE("Văn phòng"),
    INSPECTORATE("Thanh tra"),
    PUBLIC_SERVICE_UNIT("Đơn vị sự nghiệp"),
    /** A Phòng inside a Cục, Vụ or Văn phòng. */
    DIVISION("Phòng");

    private final String vietnamese;

    UnitType(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
