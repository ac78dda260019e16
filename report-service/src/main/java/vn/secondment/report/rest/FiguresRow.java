package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The figures of one ministry in one province (or all its provinces, in a total) for one ISO week.
 *
 * @param ministryCode    the ministry
 * @param provinceCode    the province, null in a ministry's weekly total
 * @param provinceName    its name that week, null in a total
 * @param week            ISO week, e.g. 2025-W37
 * @param officialsOnSite officials whose assignment covers part of the week
 * @param reports         the week's weekly reports
 * @param issues          the issues raised that week, where they stand now
 * @param topFields       the fields with the most issues raised that week, at most three
 * @param visits          the field visits made that week (by the day of the visit), a joint visit once
 * @param requests        the province's support requests to the ministry filed that week, where they stand now
 */
@Schema(description = "One ministry's figures for one province (or all, in a total) and one ISO week")
public record FiguresRow(String ministryCode, String provinceCode, String provinceName, String week,
                         long officialsOnSite, ReportCounts reports, IssueCounts issues, List<FieldCount> topFields,
                         VisitCounts visits, RequestCounts requests) {

    /**
     * @param due       reports owed for the week (cancelled ones not counted)
     * @param submitted reports sent at least once (submitted, returned or accepted)
     * @param late      reports sent after their deadline
     * @param overdue   reports with the official (never sent, or returned) past their deadline
     * @param accepted  reports accepted by the ministry
     */
    public record ReportCounts(long due, long submitted, long late, long overdue, long accepted) {
        public static final ReportCounts NONE = new ReportCounts(0, 0, 0, 0, 0);

        public ReportCounts plus(ReportCounts o) {
            return new ReportCounts(due + o.due, submitted + o.submitted, late + o.late, overdue + o.overdue,
                    accepted + o.accepted);
        }
    }

    /**
     * @param raised    issues raised in the week
     * @param open      of those, still waiting for an answer (open, escalated or referred)
     * @param escalated of those, escalated to a ministry unit at some point
     * @param overdue   of those, escalated and past their deadline without an answer
     * @param answered  of those, answered (on site or by the unit)
     */
    public record IssueCounts(long raised, long open, long escalated, long overdue, long answered) {
        public static final IssueCounts NONE = new IssueCounts(0, 0, 0, 0, 0);

        public IssueCounts plus(IssueCounts o) {
            return new IssueCounts(raised + o.raised, open + o.open, escalated + o.escalated, overdue + o.overdue,
                    answered + o.answered);
        }
    }

    /**
     * Under the ministry and province of the official who recorded each visit.
     *
     * @param visits       visits made in the week, each once however many officials made it together
     * @param joint        of those, visits made by two or more officials together (a recorder and companions)
     * @param participants the officials on those visits, one per official and visit (a joint visit of two counts 2)
     */
    public record VisitCounts(long visits, long joint, long participants) {
        public static final VisitCounts NONE = new VisitCounts(0, 0, 0);

        public VisitCounts plus(VisitCounts o) {
            return new VisitCounts(visits + o.visits, joint + o.joint, participants + o.participants);
        }
    }

    /**
     * A province's requests to the ministry for support (assignment-service's support requests), by the week filed.
     *
     * @param filed    requests filed in the week
     * @param open     of those, still waiting for the ministry's decision
     * @param accepted of those, accepted (a PROVINCE_REQUEST deployment answers them)
     * @param declined of those, declined by the ministry
     * @param urgent   of those, filed as urgent
     */
    public record RequestCounts(long filed, long open, long accepted, long declined, long urgent) {
        public static final RequestCounts NONE = new RequestCounts(0, 0, 0, 0, 0);

        public RequestCounts plus(RequestCounts o) {
            return new RequestCounts(filed + o.filed, open + o.open, accepted + o.accepted, declined + o.declined,
                    urgent + o.urgent);
        }
    }

    /** A field (lĩnh vực) and how many issues of it were raised. */
    public record FieldCount(String field, String label, long count) {
    }
}
