package vn.secondment.notification.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Delivery", description = "What was sent to whom, when, through which channel, with what result")
public record DeliveryView(
        UUID id,
        @Schema(examples = "webhook") String channel,
        UUID subscriptionId,
        @Schema(examples = "BNV") String ministryCode,
        @Schema(examples = "https://hethong.moha.gov.vn/secondment/events") String url,
        String eventId,
        @Schema(examples = "vn.secondment.report.weekly-report.submitted") String eventType,
        @Schema(description = "Attempts made so far", examples = "1") int attempt,
        @Schema(examples = "DELIVERED") WebhookDelivery.Status status,
        @Schema(description = "When the next attempt is due; null once delivered or given up") Instant nextAttemptAt,
        @Schema(description = "HTTP status of the last attempt, null when it got no answer", examples = "200")
        Integer responseStatus,
        @Schema(description = "Why the last attempt failed", examples = "HTTP 500") String error,
        Instant createdAt,
        Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery d, WebhookSubscription s) {
        return new DeliveryView(d.id, "webhook", d.subscriptionId, s.ministryCode, s.url, d.eventId, d.eventType,
                d.attempt, d.status, d.nextAttemptAt, d.responseStatus, d.error, d.createdAt, d.deliveredAt);
    }
}
