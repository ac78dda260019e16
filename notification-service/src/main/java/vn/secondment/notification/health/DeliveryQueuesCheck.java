package vn.secondment.notification.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import vn.secondment.notification.config.EmailConfig;
import vn.secondment.notification.config.WebhookConfig;
import vn.secondment.notification.service.QueueMonitor;
import vn.secondment.rest.database.DatabaseOutage;

import java.time.Clock;
import java.time.Duration;

/**
 * Whether mail and webhook deliveries are getting out: DOWN while the oldest waiting e-mail has been due, or the
 * oldest delivery to an active webhook queued, longer than its channel's {@code max-queue-age}. In the operators'
 * group {@code platform} ({@code /q/health/group/platform} on the management port), never in readiness: a stuck
 * queue is not cured by taking serving pods out of the load balancer.
 */
@HealthGroup("platform")
@ApplicationScoped
public class DeliveryQueuesCheck implements HealthCheck {

    static final String NAME = "notification delivery queues";

    private final QueueMonitor monitor;
    private final Clock clock;
    private final EmailConfig email;
    private final WebhookConfig webhooks;
    private final DatabaseOutage databaseOutage;

    public DeliveryQueuesCheck(QueueMonitor monitor, Clock clock, EmailConfig email, WebhookConfig webhooks,
                               DatabaseOutage databaseOutage) {
        this.databaseOutage = databaseOutage;
        this.monitor = monitor;
        this.clock = clock;
        this.email = email;
        this.webhooks = webhooks;
    }

    @Override
    public HealthCheckResponse call() {
        QueueMonitor.State state;
        try {
            state = monitor.measure(clock.instant());
        } catch (RuntimeException e) {
            // the queues are in the database: without it they cannot be told (DatabaseOutage logs the outage once)
            if (databaseOutage.noticed(e).isEmpty()) {
                throw e;
            }
            return HealthCheckResponse.named(NAME).down()
                    .withData("database", "does not answer: the queues cannot be measured").build();
        }
        boolean emailStuck = state.emailOldest().compareTo(email.maxQueueAge()) > 0;
        boolean webhooksStuck = state.webhookOldest().compareTo(webhooks.maxQueueAge()) > 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(!emailStuck && !webhooksStuck)
                .withData("emailQueueDepth", state.emailDepth())
                .withData("emailOldestDueSeconds", state.emailOldest().toSeconds())
                .withData("emailMaxAgeSeconds", email.maxQueueAge().toSeconds())
                .withData("webhookQueueDepth", state.webhookDepth())
                .withData("webhookOldestQueuedSeconds", state.webhookOldest().toSeconds())
                .withData("webhookMaxAgeSeconds", webhooks.maxQueueAge().toSeconds())
                .withData("webhookEndpointsDisabled", state.endpointsDisabled())
                .withData("deadLettersUnreplayed", state.deadLettersUnreplayed());
        if (emailStuck) {
            response.withData("email", "oldest waiting e-mail due for " + minutes(state.emailOldest()));
        }
        if (webhooksStuck) {
            response.withData("webhooks", "oldest waiting delivery queued " + minutes(state.webhookOldest()) + " ago");
        }
        return response.build();
    }

    private static String minutes(Duration age) {
        return age.toMinutes() + " min";
    }
}
