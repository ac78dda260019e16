package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SubscriptionRequest", description = "A user's e-mail choices")
public record SubscriptionRequest(
        @Schema(description = "Receive e-mail at all", examples = "true") Boolean email,
        @Schema(description = "Event type prefixes; empty: everything the user sees in their inbox")
        List<String> eventTypes,
        @Schema(description = "Only events of these ministries; empty: any") List<String> ministries,
        @Schema(description = "Only events of these provinces (payload provinceCode); empty: any")
        List<String> provinces,
        @Schema(description = "NONE: one message per entry; DAILY: one digest a day", examples = "NONE")
        String digest,
        @Schema(description = "vi or en", examples = "vi") String language) {
}
