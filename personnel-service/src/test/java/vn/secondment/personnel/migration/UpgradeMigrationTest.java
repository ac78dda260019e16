package vn.secondment.personnel.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.secondment.embedded.EmbeddedPostgresServer;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database of the previous release (the service's V1 and the event backbone's V0_1) is upgraded by this release's
 * migrations, with the Flyway settings of {@code application.properties}: the shared libraries' later migrations
 * (V0_2 in db/data) must still be applied although they sort before V1, and the officials already there survive.
 */
class UpgradeMigrationTest {

    private static EmbeddedPostgresServer postgres;
    private static Properties settings;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresServer.startTemporary();
        settings = new Properties();
        try (InputStream in = UpgradeMigrationTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void thePreviousReleasesDatabaseIsUpgradedWithItsOfficials() throws Exception {
        String url = database("upgrade");
        previousRelease(url);
        execute(url, """
                INSERT INTO official (id, full_name, ministry_code, position, email, active, version, created_at,
                                      created_by, updated_at)
                VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'Nguyễn Thị Hoa', 'BNV', 'Phó Vụ trưởng',
                        'hoa.nt@moha.gov.vn', true, 0, now(), 'bnv.admin', now())""");

        Flyway current = thisRelease(url, Boolean.parseBoolean(settings.getProperty("quarkus.flyway.out-of-order")));
        current.migrate();

        assertThat(Arrays.stream(current.info().applied()).map(MigrationInfo::getVersion).map(Object::toString))
                .contains("0.1", "0.2", "1", "2", "3");
        assertThat(current.info().pending()).isEmpty();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet official = statement.executeQuery(
                     "SELECT full_name, secondment_status, search_text FROM official WHERE ministry_code = 'BNV'")) {
            assertThat(official.next()).isTrue();
            assertThat(official.getString(1)).isEqualTo("Nguyễn Thị Hoa");
            assertThat(official.getString(2)).isEqualTo("AVAILABLE");
            assertThat(official.getString(3)).contains("hoa.nt@moha.gov.vn");
        }
    }

    @Test
    void withoutOutOfOrderTheUpgradeWouldStop() throws Exception {
        String url = database("strict");
        previousRelease(url);

        // why application.properties sets quarkus.flyway.out-of-order=true
        assertThatThrownBy(() -> thisRelease(url, false).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("0.2");
    }

    private static void previousRelease(String url) {
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/events")
                .target("1")
                .load().migrate();
    }

    private static Flyway thisRelease(String url, boolean outOfOrder) {
        String[] locations = Arrays.stream(settings.getProperty("quarkus.flyway.locations").split(","))
                .map(location -> "classpath:" + location.strip()).toArray(String[]::new);
        return Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations(locations)
                .outOfOrder(outOfOrder)
                .load();
    }

    private static String database(String name) throws Exception {
        execute(postgres.jdbcUrl("postgres"), "CREATE DATABASE " + name);
        return postgres.jdbcUrl(name);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
