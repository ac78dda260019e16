package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit (Vụ, Cục, Văn phòng...) of a ministry as personnel-service last announced it: where an issue can be
 * escalated. Its code (e.g. {@code VU-TCCB}) is what a ministry unit's token carries. Written only by the personnel
 * events consumer.
 */
@Entity
@Table(name = "known_unit")
public class KnownUnit {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    public boolean active;

    /** Time of the event this state came from; an older event arriving late changes nothing. */
    @Column(name = "event_time", nullable = false)
    public Instant eventTime;
}
