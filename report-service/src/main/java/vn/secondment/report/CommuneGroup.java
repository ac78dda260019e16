package vn.secondment.report;

/** The planning groups of communes a seconded official visits (docs/DESIGN.md). */
public enum CommuneGroup {
    /** Phường trung tâm đông dân. */
    CENTRAL_WARD("phường trung tâm đông dân"),
    /** Xã diện tích rộng. */
    LARGE_AREA("xã diện tích rộng"),
    /** Xã vùng sâu, vùng xa. */
    REMOTE("xã vùng sâu, vùng xa"),
    OTHER("khác");

    private final String label;

    CommuneGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
