package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnreadCount", description = "How many entries of the caller's inbox they have not read")
public record UnreadCountView(@Schema(examples = "3") long unread) {
}
