package vn.secondment.report.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * Announces escalated issues whose deadline passed without an answer (ISSUE_OVERDUE), once per escalation, every
 * {@code report.sweep.every}; tests call {@link #sweep(Instant)} at a chosen instant instead of waiting.
 */
@ApplicationScoped
public class IssueDeadlines {

    private final IssueService issues;
    private final Clock clock;

    public IssueDeadlines(IssueService issues, Clock clock) {
        this.issues = issues;
        this.clock = clock;
    }

    @Scheduled(every = "${report.sweep.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep(clock.instant());
    }

    /** @return how many issues were announced overdue at {@code now} */
    public int sweep(Instant now) {
        return issues.announceOverdue(now);
    }
}
