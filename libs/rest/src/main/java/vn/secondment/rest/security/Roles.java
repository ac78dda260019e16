package vn.secondment.rest.security;

/** The realm roles of the platform (Keycloak realm {@code secondment}). */
public final class Roles {

    /** Operates the platform; every ministry. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Manages one ministry's units, officials and deployments. */
    public static final String MINISTRY_ADMIN = "ministry-admin";
    /** Vụ Tổ chức cán bộ or the working group of one ministry: plans, reviews, escalates. */
    public static final String COORDINATOR = "coordinator";
    /** A seconded official: their own plans, reports, visits and issues. */
    public static final String OFFICER = "officer";
    /** Sở Nội vụ of one province: sees that province across ministries. */
    public static final String PROVINCE_LIAISON = "province-liaison";
    /**
     * A functional unit (Vụ, Cục) of one ministry: answers the issues escalated to it. Its token carries the
     * ministry and the unit's code ({@link Caller#unit()}).
     */
    public static final String MINISTRY_UNIT = "ministry-unit";
    /** Read-only, across ministries, without personal details. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
