package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.secondment.report.readmodel.KnownAssignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A seconded official's visit to a commune of their province, with whom they met, what they did and found. The
 * official who records it owns it ({@link #assignment}); officials of the same deployment who went along are its
 * {@link #companions}, so a joint visit is one record with one set of issues.
 */
@Entity
@Table(name = "field_visit")
public class FieldVisit extends BackdatableRecord {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "assignment_id")
    public KnownAssignment assignment;

    /** The assignments of the other officials who made the visit (same deployment, covering the visit's day). */
    @ManyToMany(fetch = FetchType.EAGER)
    @OrderBy("officialId")
    @JoinTable(name = "field_visit_companion", joinColumns = @JoinColumn(name = "visit_id"),
            inverseJoinColumns = @JoinColumn(name = "assignment_id"))
    public Set<KnownAssignment> companions = new LinkedHashSet<>();

    @Column(name = "visit_date", nullable = false)
    public LocalDate visitDate;

    @Column(name = "commune_code", nullable = false)
    public String communeCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "commune_group", nullable = false)
    public CommuneGroup communeGroup;

    /** Personal: names and positions of the people met; hidden from viewers. */
    @Column(name = "people_met")
    public String peopleMet;

    @Column(nullable = false)
    public String activities;

    public String findings;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
