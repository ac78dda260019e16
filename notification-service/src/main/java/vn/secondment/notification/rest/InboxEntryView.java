package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "InboxEntry", description = "A message in the caller's in-app inbox")
public record InboxEntryView(
        UUID id,
        @Schema(examples = "vn.secondment.personnel.official.registered") String eventType,
        @Schema(examples = "Cán bộ mới: Nguyễn Thị Hoa") String title,
        @Schema(examples = "Nguyễn Thị Hoa (Phó Vụ trưởng) đã được thêm vào danh sách cán bộ của BNV.") String body,
        @Schema(examples = "BNV") String ministry,
        @Schema(examples = "vn.secondment.personnel.official") String subjectType,
        @Schema(examples = "0f8fad5b-d9cb-469f-a165-70867728950e") String subjectId,
        Instant createdAt,
        @Schema(description = "Whether the caller read it (read state is per user, also for entries addressed to a "
                + "role)") boolean read,
        @Schema(description = "When the caller first marked it read; absent while unread",
                examples = "2025-09-03T08:05:00Z") Instant readAt) {
}
