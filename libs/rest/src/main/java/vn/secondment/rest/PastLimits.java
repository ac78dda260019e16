package vn.secondment.rest;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.rest.config.AfterTheFactConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The limits of recording the past, the same in every service: a fact entered after it happened (its
 * {@code occurredAt}) is neither in the future nor more than {@code secondment.after-the-fact.max-age} back (counted
 * in Vietnam time), nor before the earliest moment it could have happened. Each service adds its own earlier bounds
 * and turns the problem into a 400 on its field.
 */
@ApplicationScoped
public class PastLimits {

    private final AfterTheFactConfig config;

    public PastLimits(AfterTheFactConfig config) {
        this.config = config;
    }

    public Period maxAge() {
        return config.maxAge();
    }

    /** The oldest moment that may be entered as of {@code now}. */
    public Instant oldest(Instant now) {
        return now.atZone(VietnamTime.ZONE).minus(config.maxAge()).toInstant();
    }

    /**
     * Why {@code at} cannot be when a fact happened, as of {@code now}, or empty when it can.
     *
     * @param notBefore  the earliest moment it could have happened, or null
     * @param whatBefore what that moment is, as the problem names it (e.g. "the assignment's start")
     */
    public Optional<String> problem(Instant at, Instant now, Instant notBefore, String whatBefore) {
        if (at.isAfter(now)) {
            return Optional.of("must not be in the future (now is " + now + ")");
        }
        if (notBefore != null && at.isBefore(notBefore)) {
            return Optional.of("must not be before " + whatBefore + " (" + notBefore + ")");
        }
        Instant oldest = oldest(now);
        if (at.isBefore(oldest)) {
            return Optional.of("must not be more than " + config.maxAge() + " back (before " + oldest + ")");
        }
        return Optional.empty();
    }

    /** The same for a fact known by its day alone (a visit), by days as of {@code today}. */
    public Optional<String> problem(LocalDate day, LocalDate today, LocalDate notBefore, String whatBefore) {
        if (day.isAfter(today)) {
            return Optional.of("must not be in the future (today is " + today + ")");
        }
        if (notBefore != null && day.isBefore(notBefore)) {
            return Optional.of("must not be before " + whatBefore + " (" + notBefore + ")");
        }
        LocalDate oldest = today.minus(config.maxAge());
        if (day.isBefore(oldest)) {
            return Optional.of("must not be more than " + config.maxAge() + " back (before " + oldest + ")");
        }
        return Optional.empty();
    }
}
