package vn.secondment.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Webhook", description = "A registered webhook; the secret only in the answer to its creation")
public record WebhookView(
        UUID id,
        @Schema(examples = "BNV") String ministryCode,
        @Schema(examples = "https://hethong.moha.gov.vn/secondment/events") String url,
        List<String> eventTypes,
        List<String> ministries,
        List<String> provinces,
        @Schema(description = "false once disabled after repeated failures; POST …/enable turns it back on")
        boolean active,
        @Schema(description = "Consecutive failed attempts") int failures,
        @Schema(nullable = true) Instant disabledAt,
        @Schema(nullable = true) String disabledReason,
        String createdBy,
        Instant createdAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret: shown once, in the answer to POST; keep it safe")
        String secret) {
}
