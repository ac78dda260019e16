package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Delivery", description = "What was sent to whom, when, through which channel, with what result")
public record DeliveryView(
        UUID id,
        @Schema(examples = "webhook", description = "webhook or email") String channel,
        @Schema(nullable = true, description = "The webhook; null for e-mail") UUID subscriptionId,
        @Schema(description = "The webhook's owner, or the event's ministry for e-mail", examples = "BNV")
        String ministryCode,
        @Schema(nullable = true, description = "The webhook's URL; null for e-mail",
                examples = "https://hethong.moha.gov.vn/secondment/events") String url,
        @Schema(nullable = true,
                description = "The address an e-mail went to; null for a webhook", examples = "hoa.nt@moha.gov.vn")
        String recipient,
        String eventId,
        @Schema(examples = "vn.secondment.report.weekly-report.submitted") String eventType,
        @Schema(description = "Attempts made so far", examples = "1") int attempt,
        @Schema(description = "webhook: PENDING, DELIVERED, FAILED, GAVE_UP; email: PENDING, SENT, FAILED, "
                + "GAVE_UP", examples = "DELIVERED") String status,
        @Schema(nullable = true,
                description = "When the next attempt is due; null once delivered or given up")
        Instant nextAttemptAt,
        @Schema(nullable = true,
                description = "HTTP status of the last attempt, null when it got no answer", examples = "200")
        Integer responseStatus,
        @Schema(nullable = true, description = "Why the last attempt failed", examples = "HTTP 500") String error,
        Instant createdAt,
        @Schema(nullable = true, description = "When it was delivered (sent, for e-mail)") Instant deliveredAt) {
}
