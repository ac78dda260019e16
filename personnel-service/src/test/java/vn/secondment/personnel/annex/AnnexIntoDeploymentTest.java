package vn.secondment.personnel.annex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.personnel.AnnexAssignmentRequested;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.personnel.readmodel.KnownAssignment;
import vn.secondment.personnel.readmodel.KnownDeployment;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.tabular.TableFormat;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.secondment.personnel.support.Annexes.CSV;
import static vn.secondment.personnel.support.Annexes.DECISION;
import static vn.secondment.personnel.support.Annexes.IMPORTS;
import static vn.secondment.personnel.support.Annexes.marker;
import static vn.secondment.personnel.support.Annexes.upload;
import static vn.secondment.personnel.support.Annexes.write;
import static vn.secondment.personnel.support.Directory.BCT_ADMIN;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.register;

/**
 * An annex imported into a deployment (issue 20): the deployment as assignment-service announced it on the real
 * broker, the province and role columns checked row by row, the officials created and one assignment request per
 * row published, with ids that stay the same when the annex is imported again.
 */
@QuarkusTest
@WithRealInfrastructure
class AnnexIntoDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> HEADERS = List.of("STT", "Họ và tên", "Giới tính", "Email", "Chức vụ",
            "Tỉnh, thành phố", "Vai trò", "Ghi chú");

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    AdministrativeUnits units;

    private final LocalDate start = LocalDate.now().plusDays(10);
    private final LocalDate end = start.plusMonths(2);

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void aDryRunGivesEveryRowItsIdsAndWritesNothing() {
        UUID deployment = knownDeployment("BNV", "ISSUED", List.of("79", "01", "12"));
        String m = marker();
        String existingEmail = m + ".hoa@bnv.example.vn";
        String existingId = register(BNV_ADMIN, "Nguyễn Thị Hoa", existingEmail);
        byte[] file = annex(
                row(1, "Nguyễn Thị Hoa", existingEmail, "Thành phố Hồ Chí Minh", "Trưởng nhóm"),
                row(2, "Trần Văn Hùng", m + ".hung@bnv.example.vn", "01", ""),
                row(3, "Lò Văn Thành", m + ".thanh@bnv.example.vn", "tỉnh Lai Châu", "Thành viên"));

        JsonPath report = importInto(deployment, file, true).then().statusCode(200).extract().jsonPath();

        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getBoolean("committed")).isFalse();
        assertThat(report.getString("deploymentId")).isEqualTo(deployment.toString());
        assertThat(report.getInt("created")).isEqualTo(2);
        assertThat(report.getList("officials", Map.class)).extracting(r -> r.get("row"), r -> r.get("officialId"),
                r -> r.get("created"), r -> r.get("provinceCode"), r -> r.get("role"), r -> r.get("assignmentId"))
                .containsExactly(
                        tuple(2, existingId, false, "79", "LEAD", AnnexAssignmentRequested.assignmentIdOf(deployment,
                                UUID.fromString(existingId)).toString()),
                        tuple(3, null, true, "01", "MEMBER", null),
                        tuple(4, null, true, "12", "MEMBER", null));
        assertThat(count("select count(*) from official where email like ?1", m + "%")).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where cast(payload as text) like ?1", "%" + deployment + "%"))
                .isZero();
    }

    @Test
    void aBadProvinceOrRoleCellRefusesTheWholeFile() {
        // a draft: the annex is imported before the decision is issued
        UUID deployment = knownDeployment("BNV", "DRAFT", List.of("79", "01"));
        String m = marker();
        byte[] file = annex(
                row(1, "Nguyễn Văn An", m + ".an@bnv.example.vn", "79", "Trưởng nhóm"),
                row(2, "Trần Thị Bình", m + ".binh@bnv.example.vn", "Tỉnh Atlantis", ""),
                row(3, "Lê Văn Cường", m + ".cuong@bnv.example.vn", "Lai Châu", ""),
                row(4, "Phạm Thị Dung", m + ".dung@bnv.example.vn", "01", "Phó đoàn"),
                row(5, "Hoàng Văn Em", m + ".em@bnv.example.vn", "", ""));

        JsonPath problem = importInto(deployment, file, false).then().statusCode(422).contentType(PROBLEM_JSON)
                .extract().jsonPath();

        assertThat(problem.getList("violations", Map.class)).extracting(v -> v.get("row"), v -> v.get("column"))
                .containsExactly(tuple(3, "Tỉnh, thành phố"), tuple(4, "Tỉnh, thành phố"), tuple(5, "Vai trò"),
                        tuple(6, "Tỉnh, thành phố"));
        assertThat(problem.getString("violations[1].message")).contains("Lai Châu (12) is not a target province");
        assertThat(count("select count(*) from official where email like ?1", m + "%")).isZero();
        assertThat(count("select count(*) from outbox_event where cast(payload as text) like ?1", "%" + deployment + "%"))
                .isZero();
    }

    @Test
    void importingAgainGivesTheSameIdsAndCreatesNothing() {
        UUID deployment = knownDeployment("BNV", "ISSUED", List.of("79", "01"));
        String m = marker();
        byte[] file = annex(
                row(1, "Nguyễn Thị Hoa", m + ".hoa@bnv.example.vn", "79", "Trưởng nhóm"),
                row(2, "Trần Văn Hùng", m + ".hung@bnv.example.vn", "Hà Nội", "Thành viên"));

        JsonPath first = importInto(deployment, file, false).then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("created")).isEqualTo(2);
        List<Map<String, Object>> rows = first.getList("officials");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("created")).isEqualTo(true);
            assertThat(r.get("assignmentRequested")).isEqualTo(true);
            assertThat(r.get("assignmentId")).isEqualTo(AnnexAssignmentRequested.assignmentIdOf(deployment,
                    UUID.fromString((String) r.get("officialId"))).toString());
        });

        // one request per row, keyed by the official (behind their registration), naming the ids of the answer
        List<JsonNode> requests = kafka.awaitPublished(Topics.PERSONNEL, r -> r.value().contains(deployment.toString())
                && PersonnelEvents.ANNEX_ASSIGNMENT_REQUESTED.name().equals(TopicRecords.type(r)), 2)
                .stream().map(TopicRecords::envelope).toList();
        assertThat(requests).extracting(e -> e.path("subject").asText(), e -> e.path("data").path("assignmentId")
                        .asText(), e -> e.path("data").path("provinceCode").asText(),
                        e -> e.path("data").path("role").asText(), e -> e.path("data").path("importId").asText())
                .containsExactlyInAnyOrder(
                        tuple(rows.get(0).get("officialId"), rows.get(0).get("assignmentId"), "79", "LEAD",
                                first.getString("importId")),
                        tuple(rows.get(1).get("officialId"), rows.get(1).get("assignmentId"), "01", "MEMBER",
                                first.getString("importId")));

        // assignment-service created the first one: it is not asked for again, and is no overlap with itself
        UUID firstAssignment = UUID.fromString((String) rows.get(0).get("assignmentId"));
        assignmentCreated(firstAssignment, deployment, UUID.fromString((String) rows.get(0).get("officialId")));

        JsonPath again = importInto(deployment, file, false).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getList("officials", Map.class)).extracting(r -> r.get("officialId"),
                r -> r.get("assignmentId"), r -> r.get("created"), r -> r.get("assignmentRequested"))
                .containsExactly(
                        tuple(rows.get(0).get("officialId"), rows.get(0).get("assignmentId"), false, false),
                        tuple(rows.get(1).get("officialId"), rows.get(1).get("assignmentId"), false, true));
        assertThat(count("select count(*) from official where email like ?1", m + "%")).isEqualTo(2);
    }

    @Test
    void anOfficialHoldingAnotherAssignmentOverTheDeploymentIsARowError() {
        UUID deployment = knownDeployment("BNV", "ISSUED", List.of("79"));
        String m = marker();
        String email = m + ".busy@bnv.example.vn";
        UUID official = UUID.fromString(register(BNV_ADMIN, "Đặng Văn Bận", email));
        UUID elsewhere = UUID.randomUUID();
        assignmentCreated(elsewhere, UUID.randomUUID(), official);

        importInto(deployment, annex(row(1, "Đặng Văn Bận", email, "79", "")), true)
            .then().statusCode(200)
                .body("errorCount", org.hamcrest.Matchers.equalTo(1))
                .body("errors[0].row", org.hamcrest.Matchers.equalTo(2))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("already holds assignment "
                        + elsewhere));
    }

    @Test
    void onlyTheDeploymentsMinistryImportsIntoAnOpenDeployment() {
        UUID bnv = knownDeployment("BNV", "ISSUED", List.of("79"));
        byte[] file = annex(row(1, "Nguyễn Văn An", marker() + ".an@bnv.example.vn", "79", ""));

        upload(BCT_ADMIN, "phu-luc.csv", file, CSV).queryParam("deployment", bnv.toString())
            .when().post(IMPORTS)
            .then().statusCode(403).contentType(PROBLEM_JSON);
        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("deployment", bnv.toString())
                .queryParam("ministry", "BCT")
            .when().post(IMPORTS)
            .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("deployment"));
        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("deployment", UUID.randomUUID().toString())
            .when().post(IMPORTS)
            .then().statusCode(422).body("violations[0].field", org.hamcrest.Matchers.equalTo("deployment"));
        UUID cancelled = knownDeployment("BNV", "CANCELLED", List.of("79"));
        upload(BNV_ADMIN, "phu-luc.csv", file, CSV).queryParam("deployment", cancelled.toString())
            .when().post(IMPORTS)
            .then().statusCode(409).contentType(PROBLEM_JSON);
    }

    /** Bộ Nội vụ enters a round it already ran (3/9–3/11/2025): its annex goes in like a live round's. */
    @Test
    void aRoundAlreadyRunTakesItsAnnex() {
        UUID past = knownDeployment("BNV", "ISSUED", List.of("79"), LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        byte[] file = annex(row(1, "Nguyễn Văn An", marker() + ".an@bnv.example.vn", "79", "Thành viên"));

        JsonPath report = importInto(past, file, true).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("deploymentId")).isEqualTo(past.toString());
        assertThat(report.getList("officials.provinceCode", String.class)).containsExactly("79");
    }

    // --- helpers

    @Test
    void theSampleAnnexPlacesOneOfficialInEachOfThe34Provinces() throws java.io.IOException {
        List<String> provinces = units.provinces(start).stream().map(Province::code).toList();
        UUID deployment = knownDeployment("BNV", "DRAFT", provinces);
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("samples", SampleAnnexes.BNV_CSV));

        JsonPath report = importInto(deployment, sample, true).then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("errors")).isEmpty();
        List<Map<String, Object>> rows = report.getList("officials");
        assertThat(rows).hasSize(SampleAnnexes.ROWS).allMatch(r -> "MEMBER".equals(r.get("role")));
        assertThat(rows).extracting(r -> r.get("provinceCode")).containsExactlyInAnyOrderElementsOf(provinces);
        // row 9 of the file (after the three title lines and the header) sends its official to Hồ Chí Minh City
        assertThat(rows).filteredOn(r -> Integer.valueOf(9).equals(r.get("row")))
                .extracting(r -> r.get("provinceCode")).containsExactly("79");
    }

    private io.restassured.response.Response importInto(UUID deployment, byte[] file, boolean dryRun) {
        return upload(BNV_ADMIN, "phu-luc-878.csv", file, CSV).queryParam("deployment", deployment.toString())
                .queryParam("decision", DECISION).queryParam("dryRun", dryRun)
            .when().post(IMPORTS);
    }

    private static List<Object> row(int stt, String fullName, String email, String province, String role) {
        return new ArrayList<>(List.of(stt, fullName, "Nam", email, "Chuyên viên", province, role,
                "Tăng cường về cơ sở"));
    }

    @SafeVarargs
    private static byte[] annex(List<Object>... rows) {
        return write(TableFormat.CSV, HEADERS, List.of(rows));
    }

    /** A deployment announced by assignment-service on the real broker, once personnel-service has applied it. */
    private UUID knownDeployment(String ministry, String status, List<String> provinces) {
        return knownDeployment(ministry, status, provinces, start, end);
    }

    private UUID knownDeployment(String ministry, String status, List<String> provinces, LocalDate start,
                                 LocalDate end) {
        UUID id = UUID.randomUUID();
        DeploymentSnapshot snapshot = new DeploymentSnapshot(id, ministry, "RESIDENT_SECONDMENT",
                "Tăng cường cán bộ về cơ sở", DECISION, start, end, provinces, status, null, !"DRAFT".equals(status));
        var type = switch (status) {
            case "CANCELLED" -> AssignmentEvents.DEPLOYMENT_CANCELLED;
            case "DRAFT" -> AssignmentEvents.DEPLOYMENT_DRAFTED;
            default -> AssignmentEvents.DEPLOYMENT_ISSUED;
        };
        ObjectNode envelope = TestEvents.envelope(type.name(), type.schemaVersion(), "/assignment-service",
                id.toString(), ministry, now(), snapshot);
        kafka.publish(Topics.ASSIGNMENT, envelope);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.find(KnownDeployment.class, id) != null));
        return id;
    }

    /** assignment-service announces an assignment; returns once personnel-service holds it. */
    private void assignmentCreated(UUID assignment, UUID deployment, UUID official) {
        AssignmentSnapshot snapshot = new AssignmentSnapshot(assignment, deployment, official, "BNV", "79", start,
                end, AssignmentSnapshot.Status.PLANNED, null);
        ObjectNode envelope = TestEvents.envelope(AssignmentEvents.ASSIGNMENT_CREATED.name(), 1,
                "/assignment-service", assignment.toString(), "BNV", now(), snapshot);
        kafka.publish(Topics.ASSIGNMENT, envelope);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.find(KnownAssignment.class, assignment) != null));
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
