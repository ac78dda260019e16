package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Subscription", description = "A user's e-mail choices, and the address they go to")
public record SubscriptionView(
        @Schema(description = "The verified email of the token at the last change", examples = "hoa.nt@moha.gov.vn")
        String address,
        boolean email,
        List<String> eventTypes,
        List<String> ministries,
        List<String> provinces,
        @Schema(examples = "DAILY") String digest,
        @Schema(examples = "vi") String language,
        Instant updatedAt) {
}
