package vn.secondment.rest;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * "Now" as one injectable bean for every service, so that deadlines, lateness, retries and reminders are tested at
 * chosen moments (the tests' {@code AdjustableClock} replaces it) instead of by sleeping. Services read instants
 * from it; calendar days are {@link VietnamTime}'s.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
