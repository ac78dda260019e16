package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder to send once at {@link #dueAt}, unless {@link #cancelled} or already {@link #sentAt sent}. Addressed to
 * one official ({@link #recipientOfficialId}, reached by the email personnel-service announced) or to every holder
 * of {@link #audienceRole} within {@link #ministry} (and {@link #unit}).
 */
@Entity
@Table(name = "reminder_due")
// an update writes only the columns it changed: a consumer's batch holds the rows it read at its start while the
// sender may set sent_at meanwhile (ReminderSender), which a full-row update would write back as it was
@DynamicUpdate
public class ReminderDue {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderKind kind;

    /** The reminded thing: a report, assignment or issue id, or {@code <assignmentId>/<week>} for a work plan. */
    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** Not sent at or after this moment: the reminder came too late to help. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "recipient_official_id")
    public UUID recipientOfficialId;

    @Column(name = "audience_role")
    public String audienceRole;

    @Column(nullable = false)
    public String ministry;

    public String unit;

    @Column(name = "copy_coordinators", nullable = false)
    public boolean copyCoordinators;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public boolean cancelled;

    /** For a work plan's week: the plan was submitted, so no later assignment event re-arms it. */
    @Column(nullable = false)
    public boolean settled;

    /** Time of the event that set this state; an older event arriving later changes nothing. */
    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(name = "sent_at")
    public Instant sentAt;
}
