package vn.secondment.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm file is checked against a real Keycloak by hand (see README); this keeps its invariants. */
class RealmFileTest {

    private static final String ADMIN_CLIENT = "personnel-service-admin";

    private final JsonNode realm = SampleLogins.realm();

    @Test
    void theRealmIsNamedInVietnameseAndTokensLastFifteenMinutes() {
        assertThat(realm.path("realm").asText()).isEqualTo("secondment");
        assertThat(realm.path("displayName").asText()).isEqualTo("Nền tảng tăng cường cán bộ")
                .matches(RealmFileTest::isNfc);
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(900);
    }

    @Test
    void theBuiltInClientScopesAreKept() {
        // a clientScopes array would replace Keycloak's own (roles, basic with sub, profile ...)
        assertThat(realm.has("clientScopes")).isFalse();
        assertThat(realm.has("defaultDefaultClientScopes")).isFalse();
    }

    @Test
    void everyRealmRoleHasADescription() {
        assertThat(realm.path("roles").path("realm")).extracting(role -> role.path("name").asText())
                .containsExactlyInAnyOrder("platform-admin", "ministry-admin", "coordinator", "officer",
                        "province-liaison", "ministry-unit", "viewer");
        assertThat(realm.path("roles").path("realm")).allMatch(role -> !role.path("description").asText().isBlank());
    }

    @Test
    void everyClientPutsTheApiAudienceIntoItsTokens() {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(ADMIN_CLIENT)) {
                continue; // its tokens are for Keycloak's admin API only: see the test below
            }
            assertThat(mappers(client, "oidc-audience-mapper"))
                    .as(client.path("clientId").asText())
                    .anyMatch(mapper -> mapper.path("config").path("included.custom.audience").asText()
                            .equals("secondment-api"));
        }
    }

    @Test
    void peopleClientsCarryMinistryAndProvinceAndTheSystemClientItsMinistry() {
        for (String clientId : List.of("secondment-web", "secondment-cli")) {
            assertThat(mappers(client(clientId), "oidc-usermodel-attribute-mapper"))
                    .extracting(mapper -> mapper.path("config").path("claim.name").asText())
                    .containsExactlyInAnyOrder("ministry", "province", "unit");
        }
        assertThat(mappers(client("bct-system"), "oidc-hardcoded-claim-mapper")).singleElement()
                .satisfies(mapper -> {
                    assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("ministry");
                    assertThat(mapper.path("config").path("claim.value").asText()).isEqualTo("BCT");
                });
    }

    @Test
    void theClientsHaveTheirIntendedFlows() {
        JsonNode web = client("secondment-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        // the console returns to the stack's own gateway (ProcessEnvironments sets SECONDMENT_WEB_URL)
        assertThat(web.path("redirectUris").get(0).asText()).isEqualTo("${SECONDMENT_WEB_URL:http://localhost:8080}/*");
        assertThat(web.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("${SECONDMENT_WEB_URL:http://localhost:8080}/*");

        JsonNode cli = client("secondment-cli");
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();

        JsonNode system = client("bct-system");
        assertThat(system.path("publicClient").asBoolean()).isFalse();
        assertThat(system.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(system.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(system.path("secret").asText()).isEqualTo("bct-system-dev-secret");
    }

    @Test
    void sampleUsersAreFullySetUpSoThePasswordGrantWorks() {
        Set<String> roles = Set.of("platform-admin", "ministry-admin", "coordinator", "officer", "province-liaison",
                "ministry-unit", "viewer");
        List<JsonNode> people = people();
        assertThat(people).extracting(user -> user.path("username").asText()).containsExactlyInAnyOrder(
                "platform.admin", "bnv.admin", "bnv.coordinator", "bnv.officer", "bnv.cntt", "bct.admin", "bct.officer",
                "bnnmt.admin", "bnnmt.officer", "bdttg.admin", "bdttg.coordinator", "bdttg.officer", "liaison.hcm",
                "viewer");
        for (JsonNode user : people) {
            String username = user.path("username").asText();
            assertThat(user.path("email").asText()).isEqualTo(username + "@secondment.local");
            assertThat(user.path("emailVerified").asBoolean()).as(username).isTrue();
            assertThat(user.path("firstName").asText()).isNotBlank().matches(RealmFileTest::isNfc);
            assertThat(user.path("lastName").asText()).isNotBlank().matches(RealmFileTest::isNfc);
            assertThat(user.path("credentials").get(0).path("value").asText()).isEqualTo("dev-password");
            assertThat(user.path("credentials").get(0).path("temporary").asBoolean()).isFalse();
            assertThat(user.path("realmRoles")).hasSize(1).allMatch(role -> roles.contains(role.asText()));
        }
    }

    @Test
    void ministriesAndTheProvinceAreUserAttributesDeclaredInTheUserProfile() throws Exception {
        assertThat(SampleLogins.all()).filteredOn(login -> login.username().startsWith("bnv."))
                .allMatch(login -> login.ministry().orElseThrow().equals("BNV"));
        assertThat(SampleLogins.all()).filteredOn(login -> login.username().equals("liaison.hcm")).singleElement()
                .satisfies(login -> {
                    assertThat(login.province()).contains("79");
                    assertThat(login.ministry()).isEmpty();
                });

        // Keycloak 26 drops attributes the user profile does not declare
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = new ObjectMapper().readTree(
                provider.path("config").path("kc.user.profile.config").get(0).asText());
        assertThat(profile.path("attributes")).extracting(attribute -> attribute.path("name").asText())
                .contains("username", "email", "firstName", "lastName", "ministry", "province", "unit");
    }

    @Test
    void theSystemClientActsAsAMinistryAdmin() {
        JsonNode serviceAccount = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(user -> user.path("serviceAccountClientId").asText().equals("bct-system"))
                .findFirst().orElseThrow();

        assertThat(serviceAccount.path("realmRoles")).extracting(JsonNode::asText).containsExactly("ministry-admin");
    }

    @Test
    void personnelServiceManagesLoginsWithManageUsersOnlyAndOpensNoPlatformApi() {
        JsonNode client = client(ADMIN_CLIENT);
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        // the secret comes from the environment (compose, the local stack); a development default otherwise
        assertThat(client.path("secret").asText())
                .isEqualTo("${PERSONNEL_ADMIN_CLIENT_SECRET:personnel-service-admin-dev-secret}");
        assertThat(mappers(client, "oidc-audience-mapper")).isEmpty();

        JsonNode serviceAccount = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(user -> user.path("serviceAccountClientId").asText().equals(ADMIN_CLIENT))
                .findFirst().orElseThrow();
        assertThat(serviceAccount.path("realmRoles")).isEmpty();
        assertThat(serviceAccount.path("clientRoles").properties()).singleElement().satisfies(roles -> {
            assertThat(roles.getKey()).isEqualTo("realm-management");
            assertThat(roles.getValue()).extracting(JsonNode::asText).containsExactly("manage-users");
        });
    }

    @Test
    void keycloaksOwnMailGoesToThePlatformsMailServer() {
        JsonNode smtp = realm.path("smtpServer");
        assertThat(smtp.path("host").asText()).isEqualTo("${SECONDMENT_SMTP_HOST:127.0.0.1}");
        assertThat(smtp.path("port").asText()).isEqualTo("${SECONDMENT_SMTP_PORT:2525}");
        assertThat(smtp.path("from").asText()).contains("@");
    }

    private static boolean isNfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC);
    }

    private JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> mappers(JsonNode client, String type) {
        List<JsonNode> found = new ArrayList<>();
        client.path("protocolMappers").forEach(mapper -> {
            if (mapper.path("protocolMapper").asText().equals(type)) {
                found.add(mapper);
            }
        });
        return found;
    }

    private List<JsonNode> people() {
        return StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(user -> !user.has("serviceAccountClientId")).toList();
    }
}
