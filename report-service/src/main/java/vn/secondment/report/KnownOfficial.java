package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An official as personnel-service last announced them: the email that links a signed-in officer to their
 * assignments, and the name reports show. Written only by the personnel events consumer.
 */
@Entity
@Table(name = "known_official")
public class KnownOfficial {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;

    public boolean active;

    /** Time of the event this state came from; an older event arriving late changes nothing. */
    @Column(name = "event_time", nullable = false)
    public Instant eventTime;
}
