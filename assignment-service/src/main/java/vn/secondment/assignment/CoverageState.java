package vn.secondment.assignment;

/** How a province stands against the coverage rule on a day: officials present compared with officials required. */
public enum CoverageState {
    /** Nothing required and nobody there. */
    NONE("Không yêu cầu"),
    /** Fewer officials than required. */
    GAP("Thiếu"),
    /** Exactly the officials required. */
    COVERED("Đủ"),
    /** More officials than required (accepted deliberately with allowExcess, or nothing required at all). */
    EXCESS("Thừa");

    private final String vietnamese;

    CoverageState(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The label exports use. */
    public String vietnamese() {
        return vietnamese;
    }

    public static CoverageState of(int required, int count) {
        if (count < required) {
            return GAP;
        }
        if (count > required) {
            return EXCESS;
        }
        return required == 0 ? NONE : COVERED;
    }
}
