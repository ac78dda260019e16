package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackStateTest {

    @Test
    void theStateFileRoundTrips(@TempDir Path directory) {
        StackState written = new StackState(4242, "/usr/bin/java -jar /tmp/local stack/local-stack.jar up",
                Instant.parse("2026-11-22T08:30:00.123Z"), false, List.of(
                new StackState.Component("postgres", 4300, "postgres -D /data/postgres -c timezone=UTC",
                        "/data/postgres", "jdbc:postgresql://localhost:15432/", "tcp://localhost:15432"),
                new StackState.Component("keycloak", 4301, "kc.sh start-dev --http-port=8180 --hostname=http://x:1",
                        "/cache/keycloak-26.7.3", "http://localhost:8180", "http://localhost:9190/health/ready"),
                new StackState.Component("personnel-service", 4302, "java -jar /dự án/quarkus-run.jar",
                        "/dự án/quarkus-run.jar", "http://localhost:8081", "http://localhost:8081/q/health/ready", 2)));
        Path file = directory.resolve("stack.state");

        written.write(file);

        assertThat(StackState.read(file)).contains(written);
    }

    @Test
    void aComponentRecordedAgainReplacesTheOldEntry() {
        StackState state = new StackState(1, "launcher", Instant.now(), true, List.of())
                .withComponent(new StackState.Component("keycloak", 10, "a", "a", "u", "h"))
                .withComponent(new StackState.Component("gateway", 12, "c", "c", "u", "h"))
                .withComponent(new StackState.Component("keycloak", 11, "b", "b", "u", "h", 1));

        // in its place: down stops the components newest first, a restarted one included
        assertThat(state.components()).extracting(StackState.Component::pid).containsExactly(11L, 12L);
        assertThat(state.component("keycloak")).map(StackState.Component::restarts).contains(1);
    }

    @Test
    void noFileMeansNoStack(@TempDir Path directory) {
        assertThat(StackState.read(directory.resolve("stack.state"))).isEmpty();
    }

    @Test
    void aDamagedFileIsReportedWithItsPath(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("stack.state");
        Files.writeString(file, "launcher.pid=not-a-number\n");

        assertThatThrownBy(() -> StackState.read(file)).hasMessageContaining(file.toString());
    }

    @Test
    void aRecordedProcessCountsAsRunningOnlyWhileItsCommandLineMatches() {
        ProcessHandle self = ProcessHandle.current();
        String ownCommand = ProcessTrees.commandLine(self);
        StackState.Component matching = new StackState.Component("x", self.pid(), ownCommand, ownCommand, "", "");
        StackState.Component reusedPid = new StackState.Component("x", self.pid(), "", "/no/such/quarkus-run.jar",
                "", "");

        assertThat(matching.runningProcess()).isPresent();
        assertThat(reusedPid.runningProcess()).isEmpty();
    }
}
