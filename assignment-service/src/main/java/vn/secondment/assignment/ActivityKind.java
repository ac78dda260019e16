package vn.secondment.assignment;

/** What an activity of a weekly work plan is. */
public enum ActivityKind {
    /** Làm việc với sở, ngành của tỉnh (e.g. Sở Nội vụ). */
    WORK_WITH_PROVINCE_DEPARTMENT,
    /** Khảo sát, làm việc tại xã, phường: needs the commune's code. */
    COMMUNE_SURVEY,
    /** Tập huấn, bồi dưỡng. */
    TRAINING,
    /** Họp, hội nghị. */
    MEETING,
    OTHER
}
