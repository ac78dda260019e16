package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message between the province and the ministry about a support request: a question, an answer. */
@Entity
@Table(name = "support_request_message")
public class SupportRequestMessage {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupportRequest.Side side;

    public String author;

    @Column(nullable = false)
    public String body;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;
}
