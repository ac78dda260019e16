package vn.secondment.assignment;

/** The kinds of rounds ministries send to the provinces. */
public enum DeploymentType {
    /** Officials resident in the provinces for the whole period (878/QĐ-BNV: one per province for two months). */
    RESIDENT_SECONDMENT,
    /** A delegation (đoàn công tác) led by a deputy minister visiting provinces, e.g. Bộ NN&amp;MT's 10 in August 2025. */
    WORKING_DELEGATION,
    /** The standing working group (tổ công tác thường trực) at the ministry that supports the seconded officials. */
    STANDING_WORKING_GROUP,
    /** A working group sent after the secondment because a province asked for support. */
    PROVINCE_REQUEST
}
