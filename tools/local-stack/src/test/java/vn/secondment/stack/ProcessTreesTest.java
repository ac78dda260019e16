package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessTreesTest {

    @Test
    void stoppingAProcessAlsoStopsTheProcessesItSpawned(@TempDir Path directory) {
        // like kc.sh: a shell that keeps a JVM as its child
        ManagedProcess parent = ManagedProcess.start("tree", List.of("bash", "-c", "sleep 300 & sleep 301 & wait"),
                Map.of(), directory, directory.resolve("tree.log"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(parent.pid()).orElseThrow().descendants().count() == 2);
        List<ProcessHandle> children = ProcessHandle.of(parent.pid()).orElseThrow().descendants().toList();

        boolean graceful = parent.stop(Duration.ofSeconds(5));

        assertThat(graceful).isTrue();
        assertThat(parent.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGracePeriod(@TempDir Path directory) {
        ManagedProcess stubborn = ManagedProcess.start("stubborn",
                List.of("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"), Map.of(), directory,
                directory.resolve("stubborn.log"));
        await().atMost(Duration.ofSeconds(5)).until(() -> FileTree.lastLines(stubborn.logFile(), 1).contains("ready"));

        boolean graceful = stubborn.stop(Duration.ofMillis(500));

        assertThat(graceful).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
    }
}
