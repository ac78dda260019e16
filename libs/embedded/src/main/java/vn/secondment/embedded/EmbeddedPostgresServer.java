package vn.secondment.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server started from Java (zonky binaries, no Docker).
 * With a data directory that is kept, the same databases come back on the next start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a throw-away server on a free port; its data is deleted on {@link #close()}. */
    public static EmbeddedPostgresServer startTemporary() {
        return start(0, Optional.empty());
    }

    /** Starts a server on the given port keeping its data in {@code dataDirectory} between runs. */
    public static EmbeddedPostgresServer startPersistent(int port, Path dataDirectory) {
        return start(port, Optional.of(dataDirectory));
    }

    private static EmbeddedPostgresServer start(int port, Optional<Path> dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            dataDirectory.ifPresent(dir -> {
                builder.setDataDirectory(dir.toFile());
                builder.setCleanDataDirectory(false);
                // whoever keeps the data also owns the lifecycle: the local stack stops PostgreSQL after its apps
                builder.setRegisterShutdownHook(false);
            });
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates a login role and a database it owns, unless both already exist. */
    public void ensureDatabase(String database, String owner, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE "%1$s" LOGIN PASSWORD '%2$s';
                      END IF;
                    END $$""".formatted(owner, password.replace("'", "''")));
            var exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
