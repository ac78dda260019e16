package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.SupportRequestSnapshot;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.readmodel.ReadModels;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.readmodel.KnownSupportRequest;

/**
 * Keeps the local copy of each assignment from assignment-service's events and re-applies the weekly report
 * schedule and the final report's deadline after every change ({@link KnownAssignment}). The newest snapshot of
 * each assignment wins: a redelivered event is skipped by its id, an older one arriving late by its time.
 */
@ApplicationScoped
public class AssignmentFollower {

    public static final String CONSUMER = "report-service.assignments";

    private final ReadModels readModels;
    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final WeeklyReportSchedule schedule;
    private final FinalReportSchedule finalReport;

    public AssignmentFollower(ReadModels readModels, ProcessedEvents processed, EventCodec codec,
                              WeeklyReportSchedule schedule, FinalReportSchedule finalReport) {
        this.readModels = readModels;
        this.processed = processed;
        this.codec = codec;
        this.schedule = schedule;
        this.finalReport = finalReport;
    }

    /** Applies one assignment event, once; deployment and work plan events of the topic are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (event.type().startsWith(AssignmentEvents.SUPPORT_REQUEST_TYPE_PREFIX)) {
            if (processed.firstDelivery(CONSUMER, event)) {
                followSupportRequest(event);
            }
            return;
        }
        if (!event.type().startsWith(AssignmentEvents.ASSIGNMENT_TYPE_PREFIX)
                || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        readModels.newestWins(event, codec.data(event, AssignmentSnapshot.class), KnownAssignment.class, id -> {
            KnownAssignment held = new KnownAssignment();
            held.assignmentId = id;
            return held;
        }, (snapshot, held) -> {
            held.deploymentId = snapshot.deploymentId();
            held.officialId = snapshot.officialId();
            held.ministryCode = snapshot.ministryCode();
            held.provinceCode = snapshot.provinceCode();
            held.startDate = snapshot.startDate();
            held.endDate = snapshot.endDate();
            held.arrivedOn = snapshot.arrivedOn();
            held.status = snapshot.status();
        }).ifPresent(held -> {
            schedule.apply(held);
            finalReport.apply(held);
        });
    }

    /** A province's support request, counted in the side-by-side figures. */
    private void followSupportRequest(EventEnvelope event) {
        readModels.newestWins(event, codec.data(event, SupportRequestSnapshot.class), KnownSupportRequest.class,
                id -> {
                    KnownSupportRequest known = new KnownSupportRequest();
                    known.requestId = id;
                    return known;
                }, (snapshot, known) -> {
                    known.ministryCode = snapshot.ministryCode();
                    known.provinceCode = snapshot.provinceCode();
                    known.urgency = snapshot.urgency() == null ? "NORMAL" : snapshot.urgency();
                    known.status = snapshot.status();
                    known.filedAt = snapshot.filedAt();
                });
    }
}
