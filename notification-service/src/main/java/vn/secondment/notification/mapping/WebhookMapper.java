package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.WebhookSubscription;
import vn.secondment.notification.rest.WebhookRequest;
import vn.secondment.notification.rest.WebhookView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook as its admins read it, as a PATCH starts from it, and as its audit trail records it. */
@ApplicationScoped
public class WebhookMapper {

    /** The secret only in the answer to the creation: it is never shown again. */
    public WebhookView toView(WebhookSubscription s, boolean withSecret) {
        return new WebhookView(s.id, s.ministryCode, s.url, List.copyOf(s.eventTypes), List.copyOf(s.ministries),
                List.copyOf(s.provinces), s.active, s.failures, s.disabledAt, s.disabledReason, s.createdBy,
                s.createdAt, s.version, withSecret ? s.secret : null);
    }

    /** The request a PATCH is merged into: the webhook as it is. */
    public WebhookRequest toRequest(WebhookSubscription s) {
        return new WebhookRequest(s.url, s.eventTypes, s.ministries, s.provinces, s.ministryCode);
    }

    /** The audited fields: what an admin set, and the disabled state; never the secret. */
    public Map<String, Object> toAuditState(WebhookSubscription s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("url", s.url);
        state.put("eventTypes", s.eventTypes);
        state.put("ministries", s.ministries);
        state.put("provinces", s.provinces);
        state.put("active", s.active);
        state.put("disabledReason", s.disabledReason);
        return state;
    }
}
