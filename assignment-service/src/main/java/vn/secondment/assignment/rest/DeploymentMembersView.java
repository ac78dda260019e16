package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.ItineraryStop;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who goes in a deployment: its leader (for a delegation or working group) and its members, each an assignment.
 *
 * @param leader    the LEAD who leads the whole group now (planned or on the road), with the title they lead with;
 *                  shown to every signed-in caller, as the decision names them publicly; absent when there is none
 * @param members   every other assignment whose days count (withdrawn ones and those replaced before going are
 *                  left out), limited to those the caller may read, by province (none first), role and start
 * @param itinerary a delegation's stops; absent when it has none
 */
public record DeploymentMembersView(UUID deploymentId, String ministryCode, String name, DeploymentType type,
                                    @Schema(nullable = true) Member leader, List<Member> members,
                                    @Schema(nullable = true) List<ItineraryStop> itinerary) {

    /**
     * One member: the assignment and the official as personnel-service last announced them.
     *
     * @param provinceCode absent for a member who goes with the whole group (or sits at the ministry)
     * @param leadTitle    for the leader: the title they lead with, e.g. "Thứ trưởng"
     */
    @Schema(name = "DeploymentMember")
    public record Member(UUID assignmentId, UUID officialId, @Schema(nullable = true) String fullName,
                         @Schema(nullable = true) String position, String officialMinistryCode, AssignmentRole role,
                         @Schema(nullable = true) String leadTitle, @Schema(nullable = true) String provinceCode,
                         LocalDate startDate, LocalDate endDate, AssignmentStatus status) {
    }

    public static final String EXAMPLE = """
            {"deploymentId": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "ministryCode": "BDTTG",
             "name": "Đoàn kiểm tra công tác dân tộc, tôn giáo tại tỉnh Lai Châu", "type": "INSPECTION_DELEGATION",
             "leader": {"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                        "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "fullName": "Nông Thị Hà",
                        "position": "Thứ trưởng", "officialMinistryCode": "BDTTG", "role": "LEAD",
                        "leadTitle": "Thứ trưởng", "provinceCode": null, "startDate": "2025-08-11",
                        "endDate": "2025-08-13", "status": "PLANNED"},
             "members": [{"assignmentId": "16fd2706-8baf-433b-82eb-8c7fada847da",
                          "officialId": "0f8fad5b-d9cb-469f-a165-70867728950e", "fullName": "Lò Văn Sơn",
                          "position": "Chuyên viên chính", "officialMinistryCode": "BDTTG", "role": "MEMBER",
                          "leadTitle": null, "provinceCode": null, "startDate": "2025-08-11",
                          "endDate": "2025-08-13", "status": "PLANNED"}],
             "itinerary": [{"provinceCode": "12", "startDate": "2025-08-11", "endDate": "2025-08-13"}]}""";
}
