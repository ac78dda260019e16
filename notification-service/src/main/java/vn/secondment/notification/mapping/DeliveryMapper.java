package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.EmailDelivery;
import vn.secondment.notification.WebhookDelivery;
import vn.secondment.notification.WebhookSubscription;
import vn.secondment.notification.rest.DeliveryView;

/** Delivery records of every channel as admins read them: one shape for webhooks and e-mail. */
@ApplicationScoped
public class DeliveryMapper {

    public DeliveryView toView(WebhookDelivery d, WebhookSubscription s) {
        return new DeliveryView(d.id, "webhook", d.subscriptionId, s.ministryCode, s.url, null, d.eventId,
                d.eventType, d.attempt, d.status.name(), d.nextAttemptAt, d.responseStatus, d.error, d.createdAt,
                d.deliveredAt);
    }

    public DeliveryView toView(EmailDelivery d) {
        return new DeliveryView(d.id, "email", null, d.ministry, null, d.recipientEmail, d.eventId, d.eventType,
                d.attempts, d.status.name(), d.nextAttemptAt, null, d.error, d.createdAt, d.sentAt);
    }
}
