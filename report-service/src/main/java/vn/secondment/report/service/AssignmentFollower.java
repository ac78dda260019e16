package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.report.HeldAssignment;
import vn.secondment.report.repository.HeldAssignmentRepository;

/**
 * Keeps the local copy of each assignment from assignment-service's events and re-applies the weekly report
 * schedule and the final report's deadline after every change. Each event carries the assignment's whole state,
 * so only the newest state matters:
 * a redelivered event is skipped by its id, an older one arriving late by its time.
 */
@ApplicationScoped
public class AssignmentFollower {

    public static final String CONSUMER = "report-service.assignments";

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final HeldAssignmentRepository assignments;
    private final WeeklyReportSchedule schedule;
    private final FinalReportSchedule finalReport;

    public AssignmentFollower(ProcessedEvents processed, EventCodec codec, HeldAssignmentRepository assignments,
                              WeeklyReportSchedule schedule, FinalReportSchedule finalReport) {
        this.processed = processed;
        this.codec = codec;
        this.assignments = assignments;
        this.schedule = schedule;
        this.finalReport = finalReport;
    }

    /** Applies one assignment event, once; deployment and work plan events of the topic are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (!event.type().startsWith(AssignmentEvents.ASSIGNMENT_TYPE_PREFIX)
                || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        AssignmentSnapshot snapshot = codec.data(event, AssignmentSnapshot.class);
        HeldAssignment held = assignments.findByIdOptional(snapshot.assignmentId()).orElse(null);
        if (held != null && held.eventTime.isAfter(event.time())) {
            return;
        }
        boolean first = held == null;
        if (first) {
            held = new HeldAssignment();
            held.assignmentId = snapshot.assignmentId();
        }
        held.deploymentId = snapshot.deploymentId();
        held.officialId = snapshot.officialId();
        held.ministryCode = snapshot.ministryCode();
        held.provinceCode = snapshot.provinceCode();
        held.startDate = snapshot.startDate();
        held.endDate = snapshot.endDate();
        held.arrivedOn = snapshot.arrivedOn();
        held.status = snapshot.status();
        held.eventTime = event.time();
        if (first) {
            // persisted once complete: the insert is built from the state at persist time
            assignments.persist(held);
        }
        schedule.apply(held);
        finalReport.apply(held);
    }
}
