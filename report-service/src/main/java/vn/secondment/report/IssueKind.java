package vn.secondment.report;

/** Whether a locality's issue is a difficulty or a recommendation; the label is how reports name it. */
public enum IssueKind {
    DIFFICULTY("Khó khăn, vướng mắc"),
    RECOMMENDATION("Kiến nghị");

    private final String label;

    IssueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
