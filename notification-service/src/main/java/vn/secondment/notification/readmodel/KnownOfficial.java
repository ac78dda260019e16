package vn.secondment.notification.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.secondment.events.readmodel.KnownState;

import java.util.UUID;

/**
 * An official as personnel-service last announced them: how a person entry finds its recipient (by email) and
 * the name coordinators read.
 */
@Entity
@Table(name = "known_official")
public class KnownOfficial extends KnownState {

    /** personnel-service's officialId. */
    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;
}
