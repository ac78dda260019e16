package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.notification.service.EventFilters;

import java.util.List;

/** Registration and full update of a webhook (PATCH is merged into it and checked the same way). */
@Schema(name = "WebhookRequest", description = "Where to POST events, and which events")
public record WebhookRequest(
        @Schema(required = true, format = "uri", maxLength = 2000,
                description = "Absolute http or https URL the events are POSTed to",
                examples = "https://hethong.moha.gov.vn/secondment/events") String url,
        @Schema(required = true, minItems = 1, maxItems = EventFilters.MAX_VALUES,
                description = "Event type prefixes (at least one); vn.secondment. means every event",
                examples = "[\"vn.secondment.report.weekly-report.\"]") List<String> eventTypes,
        @Schema(maxItems = EventFilters.MAX_VALUES,
                description = "Envelope ministries; empty or absent: the owning ministry only. Only a "
                + "platform-admin may name another ministry", examples = "[\"BNV\"]") List<String> ministries,
        @Schema(maxItems = EventFilters.MAX_VALUES,
                description = "provinceCode of the payload; empty or absent: any province",
                examples = "[\"79\"]") List<String> provinces,
        @Schema(description = "The owning ministry: a ministry-admin's own (may be omitted); required for a "
                + "platform-admin on create; ignored on update", examples = "BNV") String ministryCode) {
}
