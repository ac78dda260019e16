package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "InboxEntry", description = "A message in the caller's in-app inbox")
public record InboxEntryView(
        UUID id,
        @Schema(examples = "vn.secondment.personnel.official.registered") String eventType,
        @Schema(examples = "Cán bộ mới: Nguyễn Thị Hoa") String title,
        @Schema(examples = "Nguyễn Thị Hoa (Phó Vụ trưởng) đã được thêm vào danh sách cán bộ của Bộ Nội vụ.") String body,
        @Schema(description = "The title in English (for the English switch of a frontend and mail in English)",
                examples = "New official: Nguyễn Thị Hoa") String titleEn,
        @Schema(description = "The body in English",
                examples = "Nguyễn Thị Hoa (Deputy Director) was added to the officials of the Ministry of Home Affairs.")
        String bodyEn,
        @Schema(examples = "BNV") String ministry,
        @Schema(examples = "vn.secondment.personnel.official") String subjectType,
        @Schema(examples = "0f8fad5b-d9cb-469f-a165-70867728950e") String subjectId,
        Instant createdAt,
        @Schema(description = "Whether the caller read it (read state is per user, also for entries addressed to a "
                + "role)") boolean read,
        @Schema(description = "When the caller first marked it read; absent while unread",
                examples = "2025-09-03T08:05:00Z") Instant readAt,
        @Schema(description = "How many events the entry tells: 1, or the size of its group (entries of one kind "
                + "reaching one audience at once are one entry, e.g. \"34 báo cáo tuần quá hạn — Bộ Nội vụ, tuần "
                + "2025-W39\"; the count grows while the group is open, the id stays)", examples = "34") int count,
        @Schema(description = "For an entry that can group: the filtered list of the public API that shows what it "
                + "tells; absent otherwise",
                examples = "/api/report/weekly-reports?ministry=BNV&week=2025-W39&overdue=true") String link) {
}
