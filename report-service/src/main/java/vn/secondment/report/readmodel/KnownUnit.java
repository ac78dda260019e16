package vn.secondment.report.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.secondment.events.readmodel.KnownState;

import java.util.UUID;

/**
 * A unit (Vụ, Cục, Văn phòng...) of a ministry as personnel-service last announced it: where an issue can be
 * escalated. Its code (e.g. {@code VU-TCCB}) is what a ministry unit's token carries. Kept by
 * {@code PersonnelFollower}.
 */
@Entity
@Table(name = "known_unit")
public class KnownUnit extends KnownState {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    public boolean active;
}
