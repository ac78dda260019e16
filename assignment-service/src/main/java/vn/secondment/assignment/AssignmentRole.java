package vn.secondment.assignment;

/** An official's role in the province: the lead (trưởng nhóm) or a member. */
public enum AssignmentRole {
    LEAD, MEMBER
}
