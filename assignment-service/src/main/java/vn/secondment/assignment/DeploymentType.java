package vn.secondment.assignment;

/** The kinds of rounds ministries send to the provinces. */
public enum DeploymentType {
    /** Officials resident in the provinces for the whole period (878/QĐ-BNV: one per province for two months). */
    RESIDENT_SECONDMENT,
    /** A delegation (đoàn công tác) led by a deputy minister visiting provinces, e.g. Bộ NN&amp;MT's 10 in August 2025. */
    WORKING_DELEGATION,
    /** An inspection delegation (đoàn kiểm tra), e.g. Bộ Dân tộc và Tôn giáo's, led by a deputy minister, to Lai Châu. */
    INSPECTION_DELEGATION,
    /** The standing working group (tổ công tác thường trực) at the ministry that supports the seconded officials. */
    STANDING_WORKING_GROUP,
    /** A working group sent after the secondment because a province asked for support: a delegation to it. */
    PROVINCE_REQUEST;

    /** A group with one leader and members rather than officials resident each in one province. */
    public boolean group() {
        return this != RESIDENT_SECONDMENT;
    }

    /** A group that travels: it may have an itinerary of provinces with dates. */
    public boolean delegation() {
        return this == WORKING_DELEGATION || this == INSPECTION_DELEGATION || this == PROVINCE_REQUEST;
    }
}
