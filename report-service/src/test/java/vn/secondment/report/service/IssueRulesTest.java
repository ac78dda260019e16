package vn.secondment.report.service;

import org.junit.jupiter.api.Test;
import vn.secondment.report.IssueStatus;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.config.IssuesConfig;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Escalation deadlines, overdue escalations and referral between ministries, without a database. */
class IssueRulesTest {

    private static final IssuesConfig CONFIG = new IssuesConfig() {
        @Override
        public int escalationDays() {
            return 10;
        }

        @Override
        public int urgentDays() {
            return 3;
        }
    };
    private static final LocalDate ESCALATED_ON = LocalDate.of(2025, 9, 10);

    @Test
    void escalationWithoutDeadlineIsDueTenCalendarDaysLater() {
        assertThat(IssueService.defaultDeadline(ESCALATED_ON, false, CONFIG)).isEqualTo(LocalDate.of(2025, 9, 20));
    }

    @Test
    void urgentEscalationIsDueThreeCalendarDaysLater() {
        assertThat(IssueService.defaultDeadline(ESCALATED_ON, true, CONFIG)).isEqualTo(LocalDate.of(2025, 9, 13));
    }

    @Test
    void escalatedIssueIsOverdueOnlyOnceItsWholeDeadlineDayIsOver() {
        LocalityIssue i = escalated(LocalDate.of(2025, 9, 20));

        assertThat(i.overdueOn(LocalDate.of(2025, 9, 20))).isFalse();
        assertThat(i.overdueOn(LocalDate.of(2025, 9, 21))).isTrue();
    }

    @Test
    void answeredIssueIsNeverOverdue() {
        LocalityIssue i = escalated(LocalDate.of(2025, 9, 20));
        i.status = IssueStatus.ANSWERED;

        assertThat(i.overdueOn(LocalDate.of(2025, 12, 31))).isFalse();
    }

    @Test
    void referredIssueIsAnsweredByTheReferredMinistryAndStillAddressedToTheFirst() {
        LocalityIssue i = escalated(LocalDate.of(2025, 9, 20));

        i.referTo("BTC");

        assertThat(i.ministryCode).isEqualTo("BNV");
        assertThat(i.referredToMinistry).isEqualTo("BTC");
        assertThat(i.answeringMinistry()).isEqualTo("BTC");
    }

    @Test
    void referralEndsTheEscalationToTheFirstMinistrysUnit() {
        LocalityIssue i = escalated(LocalDate.of(2025, 9, 20));
        i.overdueAnnouncedAt = Instant.parse("2025-09-21T00:00:00Z");

        i.referTo("BTC");

        assertThat(i.escalatedToUnit).isNull();
        assertThat(i.escalatedAt).isNull();
        assertThat(i.deadline).isNull();
        assertThat(i.overdueAnnouncedAt).isNull();
    }

    @Test
    void referringBackToTheMinistryAddressedClearsTheReferral() {
        LocalityIssue i = escalated(LocalDate.of(2025, 9, 20));
        i.referTo("BTC");

        i.referTo("BNV");

        assertThat(i.referredToMinistry).isNull();
        assertThat(i.answeringMinistry()).isEqualTo("BNV");
    }

    private static LocalityIssue escalated(LocalDate deadline) {
        LocalityIssue i = new LocalityIssue();
        i.ministryCode = "BNV";
        i.status = IssueStatus.ESCALATED;
        i.escalatedToUnit = "TT-CNTT";
        i.escalatedAt = Instant.parse("2025-09-10T03:00:00Z");
        i.deadline = deadline;
        return i;
    }
}
