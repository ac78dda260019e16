package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.AfterTheFact;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.PastLimits;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The rule for recording the past, the same in every service: a coordinator or ministry admin of the record's
 * ministry, or a platform admin, enters what already happened with its real time ({@code occurredAt}); never the
 * official, whose own actions take the clock's time. The time is neither in the future, nor before the record could
 * exist (the assignment's start, a week's Monday, the step before it), nor more than
 * {@code secondment.after-the-fact.max-age} back; each refusal is a 400 on the field.
 */
@ApplicationScoped
public class PastRecords {

    /** The roles that may record the past, as a refusal names them. */
    public static final String WHO = "a coordinator or ministry admin of the ministry, or a platform admin";

    private final PastLimits limits;
    private final Clock clock;

    public PastRecords(PastLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * A fact entered after it happened: when it happened, and who entered it and when.
     *
     * @param occurredAt when it happened
     * @param entered    who entered it and when (now)
     */
    public record Past(Instant occurredAt, AfterTheFact entered) {

        /** What the audit entry says of it. */
        public String note(String reason) {
            return "entered after the fact by " + entered.enteredBy() + " at " + entered.enteredAt()
                    + " (it happened at " + occurredAt + ")" + (reason == null ? "" : "; " + reason);
        }
    }

    /**
     * The past fact a request names, or empty for an action done now (no {@code occurredAt}).
     *
     * @param field     the request's field, named by a refusal
     * @param ministry  the ministry whose coordinators may record it
     * @param notBefore the earliest time it can have happened, with what that is ({@code whatBefore})
     */
    public Optional<Past> of(String field, OffsetDateTime occurredAt, ReportAccess access, String ministry,
                             Instant notBefore, String whatBefore) {
        if (occurredAt == null) {
            return Optional.empty();
        }
        requireRecorder(access, ministry);
        Instant at = occurredAt.toInstant().truncatedTo(ChronoUnit.MICROS);
        check(field, at, notBefore, whatBefore);
        return Optional.of(entered(at, access));
    }

    /**
     * A past fact known by its day alone (a visit): the day is the fact, checked by days (not in the future, not
     * before {@code notBefore}'s day, not more than the maximum age back); {@code occurredAt}, when given, must fall
     * on that day (Vietnam time), else the fact is dated at the day's start.
     */
    public Past ofDay(String field, LocalDate day, OffsetDateTime occurredAt, ReportAccess access, String ministry,
                      LocalDate notBefore, String whatBefore) {
        requireRecorder(access, ministry);
        LocalDate today = VietnamTime.dayOf(ServiceClock.now(clock));
        limits.problem(day, today, notBefore, whatBefore).ifPresent(problem -> {
            throw ProblemException.invalid(field, problem);
        });
        Instant at = day.atStartOfDay(VietnamTime.ZONE).toInstant();
        if (occurredAt != null) {
            at = occurredAt.toInstant().truncatedTo(ChronoUnit.MICROS);
            if (!VietnamTime.dayOf(at).equals(day)) {
                throw ProblemException.invalid("occurredAt", "must fall on " + field + " " + day + " (Vietnam time)");
            }
            check("occurredAt", at, null, null);
        }
        return entered(at, access);
    }

    /** 403 unless the caller may record the past for {@code ministry}: never the official. */
    public void requireRecorder(ReportAccess access, String ministry) {
        if (!access.canCoordinate(ministry)) {
            throw ProblemException.forbidden("Only " + WHO.replace("the ministry", ministry) + " records what "
                    + "already happened (occurredAt); an official's own actions take the time they are made");
        }
    }

    private void check(String field, Instant at, Instant notBefore, String whatBefore) {
        limits.problem(at, ServiceClock.now(clock), notBefore, whatBefore).ifPresent(problem -> {
            throw ProblemException.invalid(field, problem);
        });
    }

    private Past entered(Instant at, ReportAccess access) {
        return new Past(at, new AfterTheFact(access.caller().username(), ServiceClock.now(clock)));
    }

}
