package vn.secondment.notification.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** personnel-service's events as its relay publishes them, for the inbox tests. */
final class InboxEvents {

    private static final Random RANDOM = new Random();

    private InboxEvents() {
    }

    /**
     * Publishes {@code official.registered}, which puts one entry in the inbox of the ministry's admins; on
     * partition 0, so the entries of one test are made in the order it published them. Returns the official's id,
     * the entry's {@code subjectId}.
     */
    static String officialRegistered(TestKafka kafka, String fullName, String ministry) {
        UUID officialId = UUID.randomUUID();
        ObjectNode envelope = TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1, "/personnel-service",
                officialId.toString(), ministry, Instant.now(),
                new OfficialSnapshot(officialId, fullName, ministry, null, "Chuyên viên chính", "CIVIL_SERVANT",
                        null, List.of(), true, null));
        kafka.publish(Topics.PERSONNEL, envelope, 0);
        return officialId.toString();
    }

    /**
     * Publishes report-service's {@code weekly-report.overdue} for a new official of the ministry, on partition 0:
     * one more entry in the coordinators' group for that week.
     */
    static void weeklyReportOverdue(TestKafka kafka, String ministry, String week) {
        UUID reportId = UUID.randomUUID();
        ObjectNode envelope = TestEvents.envelope(ReportEvents.WEEKLY_REPORT_OVERDUE.name(),
                ReportEvents.WEEKLY_REPORT_OVERDUE.schemaVersion(), "/report-service", reportId.toString(), ministry,
                Instant.now(), new WeeklyReportSnapshot(reportId, UUID.randomUUID(), UUID.randomUUID(), ministry,
                        "79", week, LocalDate.of(2025, 9, 22), Instant.parse("2025-09-28T10:00:00Z"), "DUE", null,
                        false, null, null));
        kafka.publish(Topics.REPORT, envelope, 0);
    }

    /** A ministry code no other test uses, so that counts of its admins' inboxes are this test's alone. */
    static String freshMinistry() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return code.toString();
    }
}
