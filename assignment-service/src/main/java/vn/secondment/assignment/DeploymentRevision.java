package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.UUID;

/** A dated version of a deployment (see {@link Revision}). */
@Entity
@Table(name = "deployment_revision")
public class DeploymentRevision extends Revision {

    @Column(name = "deployment_id", nullable = false)
    public UUID deploymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeploymentStatus status;

    /** The itinerary in force from then on (null when there was none). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "itinerary")
    public List<ItineraryStop> itinerary;

    @Override
    public String statusName() {
        return status.name();
    }
}
