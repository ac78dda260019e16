package vn.secondment.assignment.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.secondment.embedded.EmbeddedPostgresServer;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database of the release before decisions were records (migrations up to V4) is upgraded by V5, with the
 * Flyway settings of {@code application.properties}: every decision number entered on deployments and revisions
 * becomes one decision per ministry and number, linked from where it was entered, and nothing entered is lost.
 */
class DecisionMigrationTest {

    private static final String BNV_ROUND = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String BNV_DUPLICATE = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String BCT_ROUND = "16fd2706-8baf-433b-82eb-8c7fada847da";
    private static final String ASSIGNMENT = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

    private static EmbeddedPostgresServer postgres;
    private static Properties settings;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresServer.startTemporary();
        settings = new Properties();
        try (InputStream in = DecisionMigrationTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theDecisionsEnteredOnDeploymentsAndRevisionsBecomeOneRecordPerMinistryAndNumber() throws Exception {
        String url = database("upgrade");
        migrate(url, "4");
        // Bộ Nội vụ's round, a duplicate draft of it cancelled (V4 allowed that), Bộ Công Thương's round under the
        // same number; an amending decision on a deployment revision, another only on an assignment revision
        execute(url, deployment(BNV_ROUND, "BNV", "878/QĐ-BNV", "2025-08-11", "'Thứ trưởng Bộ Nội vụ'", "NULL",
                "IN_PROGRESS", "2025-08-12T02:00:00Z"));
        execute(url, deployment(BNV_DUPLICATE, "BNV", "878/QĐ-BNV", "2025-08-11", "NULL",
                "'Cử công chức tăng cường'", "CANCELLED", "2025-08-13T02:00:00Z"));
        execute(url, deployment(BCT_ROUND, "BCT", "878/QĐ-BNV", "2025-08-20", "NULL", "NULL", "DRAFT",
                "2025-08-21T02:00:00Z"));
        execute(url, revision(BNV_ROUND, "CREATED", "878/QĐ-BNV", "2025-08-11"));
        execute(url, revision(BNV_ROUND, "RESCHEDULED", "1013/QĐ-BNV", "2025-08-29"));
        execute(url, revision(BNV_ROUND, "STARTED", null, null));
        execute(url, """
                INSERT INTO assignment (id, deployment_id, ministry_code, official_id, official_ministry_code,
                                        province_code, role, start_date, end_date, status, version, created_at,
                                        updated_at)
                VALUES ('%s', '%s', 'BNV', gen_random_uuid(), 'BNV', '79', 'MEMBER', '2025-09-03', '2025-10-20',
                        'ACTIVE', 2, now(), now())""".formatted(ASSIGNMENT, BNV_ROUND));
        execute(url, """
                INSERT INTO assignment_revision (id, assignment_id, change, effective_from, recorded_at, status,
                                                 start_date, end_date, decision_number, decision_date)
                VALUES (gen_random_uuid(), '%1$s', 'RESCHEDULED', '2025-08-29', now(), 'PLANNED', '2025-09-03',
                        '2025-11-03', '1013/QĐ-BNV', '2025-08-29'),
                       (gen_random_uuid(), '%1$s', 'SHORTENED', '2025-10-15', now(), 'ACTIVE', '2025-09-03',
                        '2025-10-20', '1240/QĐ-BNV', '2025-10-15')""".formatted(ASSIGNMENT));

        Flyway current = thisRelease(url);
        current.migrate();
        assertThat(current.info().pending()).isEmpty();

        List<String> decisions = rows(url, """
                SELECT ministry_code || ' ' || number || ' ' || signed_on || ' ' || effective_from || ' '
                       || coalesce(signer, '-') || ' ' || coalesce(subject, '-')
                FROM decision ORDER BY ministry_code, number""");
        System.out.println("decisions after V5: " + decisions);
        assertThat(decisions).containsExactly(
                "BCT 878/QĐ-BNV 2025-08-20 2025-08-20 - -",
                "BNV 1013/QĐ-BNV 2025-08-29 2025-08-29 - -",
                "BNV 1240/QĐ-BNV 2025-10-15 2025-10-15 - -",
                "BNV 878/QĐ-BNV 2025-08-11 2025-08-11 Thứ trưởng Bộ Nội vụ Cử công chức tăng cường");
        // each deployment links the decision of its own ministry; the duplicate draft shares it, being cancelled
        assertThat(rows(url, """
                SELECT d.id || ' ' || x.ministry_code || ' ' || x.number FROM deployment d
                JOIN decision x ON x.id = d.decision_id ORDER BY d.created_at""")).containsExactly(
                BNV_ROUND + " BNV 878/QĐ-BNV", BNV_DUPLICATE + " BNV 878/QĐ-BNV", BCT_ROUND + " BCT 878/QĐ-BNV");
        assertThat(rows(url, """
                SELECT r.change || ' ' || coalesce(x.number, '-') FROM deployment_revision r
                LEFT JOIN decision x ON x.id = r.decision_id ORDER BY r.effective_from""")).containsExactly(
                "CREATED 878/QĐ-BNV", "RESCHEDULED 1013/QĐ-BNV", "STARTED -");
        assertThat(rows(url, """
                SELECT r.change || ' ' || x.number FROM assignment_revision r
                JOIN decision x ON x.id = r.decision_id ORDER BY r.effective_from""")).containsExactly(
                "RESCHEDULED 1013/QĐ-BNV", "SHORTENED 1240/QĐ-BNV");
        // the old columns keep what was entered
        assertThat(rows(url, "SELECT decision_number || ' ' || decision_date FROM deployment ORDER BY created_at"))
                .containsExactly("878/QĐ-BNV 2025-08-11", "878/QĐ-BNV 2025-08-11", "878/QĐ-BNV 2025-08-20");

        // from now on the database itself holds the rules: one record per ministry and number, one live
        // deployment per decision
        assertThatThrownBy(() -> execute(url, """
                INSERT INTO decision (id, ministry_code, number, signed_on, effective_from, version, created_at,
                                      updated_at)
                VALUES (gen_random_uuid(), 'BNV', '878/QĐ-BNV', '2025-08-11', '2025-08-11', 0, now(), now())"""))
                .hasMessageContaining("decision_number_of_ministry");
        assertThatThrownBy(() -> execute(url, "UPDATE deployment SET status = 'DRAFT' WHERE id = '"
                + BNV_DUPLICATE + "'")).hasMessageContaining("deployment_one_decision");
    }

    @Test
    void aDatabaseWhereOneDecisionOrdersTwoLiveDeploymentsIsStillUpgraded() throws Exception {
        String url = database("duplicates");
        migrate(url, "3");
        // entered before V4: two live deployments under one number (V4 then skipped its index)
        execute(url, deployment(BNV_ROUND, "BNV", "878/QĐ-BNV", "2025-08-11", "NULL", "NULL", "ISSUED",
                "2025-08-12T02:00:00Z"));
        execute(url, deployment(BNV_DUPLICATE, "BNV", "878/QĐ-BNV", "2025-08-11", "NULL", "NULL", "DRAFT",
                "2025-08-13T02:00:00Z"));

        thisRelease(url).migrate();

        assertThat(rows(url, "SELECT count(*) || ' ' || count(DISTINCT decision_id) FROM deployment"))
                .containsExactly("2 1");
        assertThat(rows(url, "SELECT indexname FROM pg_indexes WHERE indexname = 'deployment_one_decision'"))
                .isEmpty();
    }

    private static String deployment(String id, String ministry, String number, String date, String signer,
                                     String subject, String status, String createdAt) {
        return """
                INSERT INTO deployment (id, ministry_code, type, name, decision_number, decision_date,
                                        decision_signer, decision_subject, start_date, end_date, province_codes,
                                        status, version, created_at, created_by, updated_at)
                VALUES ('%s', '%s', 'RESIDENT_SECONDMENT', 'Đợt %s', '%s', '%s', %s, %s, '2025-09-03',
                        '2025-11-03', '{79}', '%s', 1, '%s', 'bnv.admin', now())"""
                .formatted(id, ministry, id, number, date, signer, subject, status, createdAt);
    }

    private static String revision(String deployment, String change, String number, String date) {
        String effective = date != null ? date : "2025-09-03";
        return """
                INSERT INTO deployment_revision (id, deployment_id, change, effective_from, recorded_at, status,
                                                 start_date, end_date, decision_number, decision_date)
                VALUES (gen_random_uuid(), '%s', '%s', '%s', now(), 'ISSUED', '2025-09-03', '2025-11-03', %s, %s)"""
                .formatted(deployment, change, effective, number == null ? "NULL" : "'" + number + "'",
                        date == null ? "NULL" : "'" + date + "'");
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations(locations())
                .outOfOrder(true)
                .target(target)
                .load().migrate();
    }

    private static Flyway thisRelease(String url) {
        return Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations(locations())
                .outOfOrder(Boolean.parseBoolean(settings.getProperty("quarkus.flyway.out-of-order")))
                .load();
    }

    private static String[] locations() {
        return Arrays.stream(settings.getProperty("quarkus.flyway.locations").split(","))
                .map(location -> "classpath:" + location.strip()).toArray(String[]::new);
    }

    private static String database(String name) throws Exception {
        execute(postgres.jdbcUrl("postgres"), "CREATE DATABASE " + name);
        return postgres.jdbcUrl(name);
    }

    private static List<String> rows(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
