package vn.secondment.report.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.secondment.events.readmodel.KnownState;

import java.time.Instant;
import java.util.UUID;

/** A province's support request as assignment-service last announced it; kept by {@code AssignmentFollower}. */
@Entity
@Table(name = "known_support_request")
public class KnownSupportRequest extends KnownState {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(nullable = false)
    public String urgency;

    /** OPEN, ACCEPTED, DECLINED or WITHDRAWN. */
    @Column(nullable = false)
    public String status;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
}
