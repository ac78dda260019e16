package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.EmailSubscription;
import vn.secondment.notification.rest.SubscriptionView;

/** A user's e-mail subscription as they read it. */
@ApplicationScoped
public class SubscriptionMapper {

    public SubscriptionView toView(EmailSubscription s) {
        return new SubscriptionView(s.email, s.enabled, s.eventTypes, s.ministries, s.provinces, s.digest.name(),
                s.language, s.updatedAt);
    }
}
