package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FileTreeTest {

    @Test
    void theTailOfALogHasItsLastLines(@TempDir Path directory) throws IOException {
        Path log = directory.resolve("keycloak.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "dòng " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(FileTree.lastLines(log, 30)).hasSize(30).startsWith("dòng 71").endsWith("dòng 100");
    }

    @Test
    void aMissingLogHasNoLines(@TempDir Path directory) {
        assertThat(FileTree.lastLines(directory.resolve("none.log"), 30)).isEmpty();
    }

    @Test
    void aNewStartKeepsThePreviousLog(@TempDir Path directory) throws IOException {
        Path log = directory.resolve("gateway.log");
        Files.writeString(log, "last run");

        FileTree.rotate(log);

        assertThat(log).doesNotExist();
        assertThat(directory.resolve("gateway.log.previous")).hasContent("last run");
    }
}
