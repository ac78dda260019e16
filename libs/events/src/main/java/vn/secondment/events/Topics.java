package vn.secondment.events;

/** One topic per producing service, keyed by aggregate id so one aggregate's events stay ordered. */
public final class Topics {

    public static final String PERSONNEL = "personnel.events";
    public static final String ASSIGNMENT = "assignment.events";
    public static final String REPORT = "report.events";
    public static final String NOTIFICATION = "notification.events";

    private Topics() {
    }
}
