package vn.secondment.events.background;

import io.quarkus.scheduler.FailedExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.secondment.rest.database.DatabaseOutage;

/**
 * The log of a scheduled task that failed (a reminder sweep, a delivery queue, the outbox's clean-up), in place of
 * the scheduler's own ERROR with a stack trace for every run, which is switched off (libs/events'
 * microprofile-config.properties): while the database is away, each task would fail every few seconds and bury the
 * outage's one line. A database failure is handed to {@link DatabaseOutage} (one line per outage; the task runs again
 * at its next time); anything else is a real error, logged with its stack trace.
 */
@ApplicationScoped
public class ScheduledTaskFailures {

    private static final Logger LOG = Logger.getLogger(ScheduledTaskFailures.class);

    private final DatabaseOutage databaseOutage;

    public ScheduledTaskFailures(DatabaseOutage databaseOutage) {
        this.databaseOutage = databaseOutage;
    }

    void onFailure(@Observes FailedExecution failed) {
        Throwable failure = failed.getException();
        String task = failed.getExecution().getTrigger().getId();
        if (databaseOutage.noticed(failure).isPresent()) {
            LOG.debugf("Scheduled task %s did not run: the database did not answer", task);
            return;
        }
        LOG.errorf(failure, "Scheduled task %s failed; it runs again at its next time", task);
    }
}
