package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.secondment.events.report.IssueField;

import java.time.Instant;
import java.util.UUID;

/** An answered issue published in the handbook of typical situations (cẩm nang tình huống). */
@Entity
@Table(name = "handbook_entry")
public class HandbookEntry {

    @Id
    public UUID id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueField field;

    @Column(nullable = false)
    public String question;

    @Column(nullable = false)
    public String answer;

    @Column(name = "guidance_document")
    public String guidanceDocument;

    /** Text.fold of question, answer and guidance document: what the full-text index reads. */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;
}
