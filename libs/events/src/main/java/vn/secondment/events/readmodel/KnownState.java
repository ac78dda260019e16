package vn.secondment.events.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The part every read-model entity shares: the time of the event its state was copied from, which
 * {@link ReadModels#newestWins} compares so that an older event arriving late changes nothing.
 */
@MappedSuperclass
public abstract class KnownState {

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;
}
