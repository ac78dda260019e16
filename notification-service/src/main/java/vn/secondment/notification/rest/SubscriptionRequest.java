package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.notification.service.EventFilters;

import java.util.List;

@Schema(name = "SubscriptionRequest", description = "A user's e-mail choices")
public record SubscriptionRequest(
        @Schema(required = true, description = "Receive e-mail at all", examples = "true") Boolean email,
        @Schema(maxItems = EventFilters.MAX_VALUES,
                description = "Event type prefixes; empty: everything the user sees in their inbox")
        List<String> eventTypes,
        @Schema(maxItems = EventFilters.MAX_VALUES, description = "Only events of these ministries; empty: any")
        List<String> ministries,
        @Schema(maxItems = EventFilters.MAX_VALUES,
                description = "Only events of these provinces (payload provinceCode); empty: any")
        List<String> provinces,
        @Schema(enumeration = {"NONE", "DAILY"}, defaultValue = "NONE",
                description = "NONE: one message per entry; DAILY: one digest a day", examples = "NONE")
        String digest,
        @Schema(enumeration = {"vi", "en"}, defaultValue = "vi", description = "vi or en", examples = "vi")
        String language) {
}
