package vn.secondment.assignment;

import vn.secondment.rest.VietnamTime;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** "Now" as one injectable bean, in Vietnam's time zone, so that rules about deadlines can be tested. */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }
}
