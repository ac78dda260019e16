package vn.secondment.report.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.secondment.report.FinalReport;
import vn.secondment.report.Report;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.rest.ReviewRequest;
import vn.secondment.rest.problem.ProblemException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Overdue, lateness and the review's comment: the rules weekly and final reports share. */
class ReportTimelinessTest {

    private static final Instant DUE = Instant.parse("2025-09-12T10:00:00Z");

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = {"DUE", "DRAFT", "RETURNED"})
    void reportWithTheOfficialIsOverdueOnceItsDeadlinePassed(ReportStatus status) {
        assertThat(report(new WeeklyReport(), status).overdue(DUE.plusSeconds(1))).isTrue();
        assertThat(report(new FinalReport(), status).overdue(DUE.plusSeconds(1))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = {"SUBMITTED", "ACCEPTED", "CANCELLED"})
    void reportWithTheMinistryOrNoLongerOwedIsNeverOverdue(ReportStatus status) {
        assertThat(report(new WeeklyReport(), status).overdue(DUE.plusSeconds(86_400))).isFalse();
    }

    @Test
    void reportIsNotOverdueAtItsDeadlineItself() {
        assertThat(report(new WeeklyReport(), ReportStatus.DRAFT).overdue(DUE)).isFalse();
        assertThat(report(new WeeklyReport(), ReportStatus.DRAFT).overdue(DUE.minusSeconds(1))).isFalse();
    }

    @Test
    void submissionAfterTheDeadlineIsLateAndOneAtTheDeadlineIsOnTime() {
        assertThat(ReportRules.late(DUE.plusMillis(1), DUE)).isTrue();
        assertThat(ReportRules.late(DUE, DUE)).isFalse();
        assertThat(ReportRules.late(DUE.minusSeconds(3600), DUE)).isFalse();
    }

    @Test
    void returningAReportNeedsACommentSayingWhatToRevise() {
        assertThatThrownBy(() -> ReportRules.reviewComment(new ReviewRequest(ReviewRequest.Decision.RETURN, "  ")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("comment"));
    }

    @Test
    void acceptingNeedsNoCommentButADecisionIsRequired() {
        assertThat(ReportRules.reviewComment(new ReviewRequest(ReviewRequest.Decision.ACCEPT, null))).isNull();
        assertThatThrownBy(() -> ReportRules.reviewComment(new ReviewRequest(null, "Tiếp thu")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("decision"));
    }

    private static <R extends Report> R report(R r, ReportStatus status) {
        r.status = status;
        r.dueAt = DUE;
        return r;
    }
}
