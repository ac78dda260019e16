package vn.secondment.report.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.secondment.events.readmodel.KnownState;

import java.util.UUID;

/**
 * An official as personnel-service last announced them: the email that links a signed-in officer to their
 * assignments, and the name reports show. Kept by {@code PersonnelFollower}.
 */
@Entity
@Table(name = "known_official")
public class KnownOfficial extends KnownState {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;

    public boolean active;
}
