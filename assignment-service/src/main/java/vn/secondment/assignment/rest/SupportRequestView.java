package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.SupportRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A support request as its reader may see it: the contact person only to the two sides (the province and the
 * ministry asked) and platform admins; the messages in a single read, not in lists.
 */
@Schema(name = "SupportRequest")
public record SupportRequestView(
        UUID id,
        @Schema(examples = "24") String provinceCode,
        @Schema(examples = "Tỉnh Bắc Ninh") String provinceName,
        @Schema(examples = "BNV") String ministryCode,
        @Schema(examples = "Hỗ trợ vận hành bộ phận một cửa cấp xã") String topic,
        String details,
        List<CommuneRef> communes,
        SupportRequest.Urgency urgency,
        @Schema(description = "Absent for readers outside the two sides") Contact contact,
        LocalDate wishedStart,
        LocalDate wishedEnd,
        SupportRequest.Status status,
        @Schema(description = "Why it was declined or withdrawn") String outcomeReason,
        @Schema(description = "Once accepted: the PROVINCE_REQUEST deployment that answers it") UUID deploymentId,
        Instant decidedAt,
        String decidedBy,
        @Schema(description = "The questions and answers, oldest first; absent in lists") List<Message> messages,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        long version) {

    static final String EXAMPLE = """
            {"id": "3b241101-e2bb-4255-8caf-4136c566a962", "provinceCode": "24", "provinceName": "Tỉnh Bắc Ninh",
             "ministryCode": "BNV", "topic": "Hỗ trợ vận hành bộ phận một cửa cấp xã",
             "details": "Ba xã mới hợp nhất chưa thống nhất quy trình tiếp nhận hồ sơ.",
             "communes": [{"code": "07432", "name": "Xã Tân Dĩnh"}], "urgency": "URGENT",
             "contact": {"name": "Nguyễn Thị Lan", "title": "Phó Giám đốc Sở Nội vụ", "phone": "0204 3854 123",
               "email": "lan.nt@bacninh.gov.vn"},
             "wishedStart": "2025-12-01", "wishedEnd": "2025-12-19", "status": "OPEN",
             "messages": [{"side": "MINISTRY", "author": "bnv.coordinator",
               "body": "Tỉnh cần hỗ trợ trực tiếp hay trực tuyến?", "postedAt": "2025-11-20T02:00:00Z"}],
             "createdAt": "2025-11-19T08:30:00Z", "createdBy": "liaison.bacninh",
             "updatedAt": "2025-11-20T02:00:00Z", "version": 1}""";

    static final String PAGE_EXAMPLE = """
            {"items": [{"id": "3b241101-e2bb-4255-8caf-4136c566a962", "provinceCode": "24",
              "provinceName": "Tỉnh Bắc Ninh", "ministryCode": "BNV",
              "topic": "Hỗ trợ vận hành bộ phận một cửa cấp xã", "communes": [{"code": "07432", "name": "Xã Tân Dĩnh"}],
              "urgency": "URGENT", "status": "ACCEPTED",
              "deploymentId": "6fa459ea-ee8a-3ca4-894e-db77e160355e", "decidedAt": "2025-11-25T03:00:00Z",
              "decidedBy": "bnv.coordinator", "createdAt": "2025-11-19T08:30:00Z", "createdBy": "liaison.bacninh",
              "updatedAt": "2025-11-25T03:00:00Z", "version": 3}],
             "page": 0, "size": 20, "totalItems": 1}""";

    /** A commune concerned, named as of the request's filing. */
    public record CommuneRef(@Schema(examples = "07432") String code, @Schema(examples = "Xã Tân Dĩnh") String name) {
    }

    public record Contact(String name, String title, String phone, String email) {
    }

    public record Message(SupportRequest.Side side, String author, String body, Instant postedAt) {
    }
}
