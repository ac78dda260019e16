package vn.secondment.personnel;

/** Whether an official is a civil servant of a state agency or an employee of a public service unit. */
public enum StaffCategory {
    /** Công chức: in a state agency's payroll (biên chế). */
    CIVIL_SERVANT("công chức"),
    /** Viên chức: in a public service unit, under a work contract. */
    PUBLIC_EMPLOYEE("viên chức");

    private final String vietnamese;

    StaffCategory(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
