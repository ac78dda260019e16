package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakDistributionTest {

    @Test
    void theArchiveIsFoundInTheRepositoryMavenBuiltWith() {
        // the build resolved the 'provided' dependency and filtered its version in: the archive of that version is found
        String version = KeycloakDistribution.version();
        assertThat(version).as("filtered by the build").matches("\\d+\\.\\d+\\.\\d+");
        Path archive = KeycloakDistribution.archive();
        assertThat(archive).isRegularFile().hasFileName("keycloak-quarkus-dist-" + version + ".tar.gz");
        assertThat(archive.getParent()).endsWith(Path.of("org/keycloak/keycloak-quarkus-dist", version));
    }

    @Test
    void theRealmIsPutWhereImportRealmReadsIt(@TempDir Path keycloakHome) {
        KeycloakDistribution.installRealm(keycloakHome);
        KeycloakDistribution.installRealm(keycloakHome); // again on every start

        assertThat(keycloakHome.resolve("data/import/secondment-realm.json")).content()
                .contains("\"realm\": \"secondment\"");
        assertThat(keycloakHome.resolve("data/import")).isDirectoryContaining(path ->
                path.getFileName().toString().equals("secondment-realm.json"));
    }
}
