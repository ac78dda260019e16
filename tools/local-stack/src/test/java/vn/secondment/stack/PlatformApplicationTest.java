package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformApplicationTest {

    @Test
    void applicationsStartFromTheirQuarkusAppFolder() {
        assertThat(PlatformApplication.named("gateway").runnableJar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/gateway/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void theJvmOptionsFileComesBeforeTheJarWhenTheBuildCopiedIt(@TempDir Path root) throws IOException {
        PlatformApplication report = PlatformApplication.named("report-service");
        Path jar = report.runnableJar(root);
        assertThat(report.command("java", root)).as("a build older than jvm.options: the JVM's defaults")
                .containsExactly("java", "-jar", jar.toString());

        Files.createDirectories(jar.getParent());
        Files.writeString(report.jvmOptions(root), "-Xmx128m\n");
        assertThat(report.command("java", root)).containsExactly("java",
                "@" + root.resolve("report-service/target/jvm.options"), "-jar", jar.toString());
    }

    @Test
    void theGatewayRouteVariablesFollowTheServiceNames() {
        assertThat(PlatformApplication.ALL).filteredOn(PlatformApplication::isService)
                .extracting(PlatformApplication::gatewayRouteVariable)
                .containsExactly("GATEWAY_ROUTES_PERSONNEL_URL", "GATEWAY_ROUTES_ASSIGNMENT_URL",
                        "GATEWAY_ROUTES_REPORT_URL", "GATEWAY_ROUTES_NOTIFICATION_URL");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> PlatformApplication.named("billing-service"))
                .hasMessageContaining("personnel-service");
    }
}
