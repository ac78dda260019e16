package vn.secondment.personnel;

/** As recorded in the official's personnel file (Nam / Nữ). */
public enum Gender {
    MALE("Nam"),
    FEMALE("Nữ");

    private final String vietnamese;

    Gender(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
