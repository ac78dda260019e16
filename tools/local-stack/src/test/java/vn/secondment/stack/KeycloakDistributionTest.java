package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakDistributionTest {

    @Test
    void theArchiveIsFoundInTheRepositoryMavenBuiltWith() {
        // the build resolved the 'provided' dependency, so the filtered repository path must lead to it
        assertThat(KeycloakDistribution.version()).isEqualTo("26.7.3");
        assertThat(KeycloakDistribution.archive()).isRegularFile()
                .hasFileName("keycloak-quarkus-dist-26.7.3.tar.gz");
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
