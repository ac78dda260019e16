package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.report.FinalReportSnapshot;
import vn.secondment.events.report.ReportEvents;

/**
 * Acts on report-service's events: when the ministry accepts an official's final report (báo cáo tổng hợp cuối
 * đợt), the assignment is complete. Each event is applied once; the other events of the topic are skipped.
 */
@ApplicationScoped
public class ReportFollower {

    public static final String CONSUMER = "assignment-service.final-reports";
    private static final Logger LOG = Logger.getLogger(ReportFollower.class);

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final AssignmentService assignments;

    public ReportFollower(ProcessedEvents processed, EventCodec codec, AssignmentService assignments) {
        this.processed = processed;
        this.codec = codec;
        this.assignments = assignments;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        if (!ReportEvents.FINAL_REPORT_ACCEPTED.name().equals(event.type())
                || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        FinalReportSnapshot report = codec.data(event, FinalReportSnapshot.class);
        boolean completed = assignments.completeOnFinalReport(report.assignmentId(), report.reportId(),
                report.acceptedAt() != null ? report.acceptedAt() : event.time(), report.acceptedBy());
        if (!completed) {
            LOG.infof("Final report %s accepted: assignment %s is not held here any more (or unknown), left as it is",
                    report.reportId(), report.assignmentId());
        }
    }
}
