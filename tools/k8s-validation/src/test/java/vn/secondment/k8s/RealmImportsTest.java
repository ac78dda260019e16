package vn.secondment.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realms Keycloak's operator imports: dev the local stack's development realm as it is, prod one derived from it
 * without the sample users and the development clients (personnel-service's admin client and its service account
 * stay, with the secret from a Secret), with brute-force detection, a password policy, e-mail that
 * only admins change (an officer is linked to their records by verified e-mail) and the web client's redirect URIs
 * from the operations team's placeholders. Both files are generated from the development realm; after changing it,
 * write them again with {@code ./mvnw -B -f tools/k8s-validation/pom.xml test -Drealm.write=true}.
 */
class RealmImportsTest {

    private static final Path DEVELOPMENT_REALM =
            Overlay.ROOT.resolve("tools/local-stack/src/main/resources/keycloak/secondment-realm.json");
    private static final Path DEV_IMPORT = Overlay.ROOT.resolve("k8s/overlays/dev/realm-import.yaml");
    private static final Path PROD_IMPORT = Overlay.ROOT.resolve("k8s/overlays/prod/realm-import.yaml");
    private static final List<String> DEVELOPMENT_CLIENTS = List.of("secondment-cli", "bct-system");
    private static final String ADMIN_CLIENT = "personnel-service-admin";
    private static final String ADMIN_CLIENT_SECRET = "personnel-keycloak-admin";
    static final String PASSWORD_POLICY =
            "length(12) and upperCase(1) and lowerCase(1) and digits(1) and notUsername and passwordHistory(5)";

    @Test
    void theImportsAreTheRealmsDerivedFromTheDevelopmentRealm() throws IOException {
        Map<String, Object> development = developmentRealm();
        Map<String, Object> dev = importOf(development, Map.of());
        Map<String, Object> placeholders = new LinkedHashMap<>();
        placeholders.put("WEB_REDIRECT_URI", secretKey("realm-placeholders", "web-redirect-uri"));
        // Keycloak's own e-mail (an official's "set your password") through the ministry's SMTP relay
        placeholders.put("SECONDMENT_SMTP_HOST", secretKey("realm-placeholders", "smtp-host"));
        placeholders.put("SECONDMENT_SMTP_PORT", secretKey("realm-placeholders", "smtp-port"));
        placeholders.put("SECONDMENT_SMTP_STARTTLS", secretKey("realm-placeholders", "smtp-starttls"));
        // the secret personnel-service logs in with to create officials' logins (the same Secret as its Deployment's)
        placeholders.put("PERSONNEL_ADMIN_CLIENT_SECRET", secretKey(ADMIN_CLIENT_SECRET, "client-secret"));
        Map<String, Object> prod = importOf(production(development), placeholders);
        if (Boolean.getBoolean("realm.write")) {
            write(DEV_IMPORT, dev, "The development realm of the local stack (sample users, password dev-password).");
            write(PROD_IMPORT, prod, "The production realm: the development realm without sample users and development "
                    + "clients (RealmImportsTest derives it).");
        }
        assertThat(read(DEV_IMPORT)).as("k8s/overlays/dev/realm-import.yaml; regenerate: see RealmImportsTest").isEqualTo(dev);
        assertThat(read(PROD_IMPORT)).as("k8s/overlays/prod/realm-import.yaml; regenerate: see RealmImportsTest").isEqualTo(prod);
    }

    @Test
    void theProductionRealmHasNoSampleUserNoDevelopmentClientAndProtectsItsLogins() throws IOException {
        Map<String, Object> realm = Documents.map(read(PROD_IMPORT), "spec", "realm");
        // the one user: personnel-service's service account, with realm-management's manage-users only
        assertThat(Documents.list(realm, "users")).singleElement().satisfies(user -> {
            assertThat(user.get("serviceAccountClientId")).isEqualTo(ADMIN_CLIENT);
            assertThat(user.get("clientRoles")).isEqualTo(Map.of("realm-management", List.of("manage-users")));
        });
        assertThat(Documents.list(realm, "clients")).extracting(client -> client.get("clientId"))
                .containsExactly("secondment-web", ADMIN_CLIENT);
        assertThat(Documents.list(realm, "clients")).filteredOn(client -> client.get("clientId").equals(ADMIN_CLIENT))
                .singleElement().satisfies(client -> assertThat(client.get("secret"))
                        .isEqualTo("${PERSONNEL_ADMIN_CLIENT_SECRET}"));
        assertThat(Documents.list(realm, "clients")).filteredOn(client -> !client.get("clientId").equals(ADMIN_CLIENT))
                .allSatisfy(client -> {
            assertThat(client).doesNotContainKey("secret");
            assertThat(client.get("directAccessGrantsEnabled")).isEqualTo(false);
            assertThat(client.get("redirectUris")).isEqualTo(List.of("${WEB_REDIRECT_URI}"));
        });
        assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
        assertThat(realm.get("passwordPolicy")).isEqualTo(PASSWORD_POLICY);
        assertThat(realm.get("editUsernameAllowed")).isEqualTo(false);
        assertThat(Documents.at(userProfile(realm), "email", "edit")).isEqualTo(List.of("admin"));
        assertThat(Overlay.render("prod").ofKind("KeycloakRealmImport")).hasSize(1);
        assertThat(Overlay.render("dev").ofKind("KeycloakRealmImport")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> production(Map<String, Object> development) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> realm = json.readValue(json.writeValueAsString(development), LinkedHashMap.class);
        // no sample user; the service account of personnel-service's admin client stays
        List<Map<String, Object>> serviceAccounts = Documents.list(realm, "users").stream()
                .filter(user -> ADMIN_CLIENT.equals(user.get("serviceAccountClientId"))).toList();
        realm.put("users", serviceAccounts);
        List<Map<String, Object>> clients = new ArrayList<>();
        for (Map<String, Object> client : Documents.list(realm, "clients")) {
            if (DEVELOPMENT_CLIENTS.contains(client.get("clientId"))) {
                continue;
            }
            if (ADMIN_CLIENT.equals(client.get("clientId"))) {
                // no development default: the operations team's Secret or nothing
                client.put("secret", "${PERSONNEL_ADMIN_CLIENT_SECRET}");
                clients.add(client);
                continue;
            }
            client.put("redirectUris", List.of("${WEB_REDIRECT_URI}"));
            ((Map<String, Object>) client.computeIfAbsent("attributes", key -> new LinkedHashMap<>()))
                    .put("post.logout.redirect.uris", "${WEB_REDIRECT_URI}");
            clients.add(client);
        }
        realm.put("clients", clients);
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("passwordPolicy", PASSWORD_POLICY);
        realm.put("editUsernameAllowed", false);
        // only admins edit username and e-mail
        Map<String, Object> component = userProfileComponent(realm);
        Map<String, Object> profile = json.readValue(userProfileJson(component), LinkedHashMap.class);
        for (Map<String, Object> attribute : Documents.list(profile, "attributes")) {
            if (List.of("username", "email").contains(attribute.get("name"))) {
                ((Map<String, Object>) attribute.get("permissions")).put("edit", List.of("admin"));
            }
        }
        ((Map<String, Object>) component.get("config")).put("kc.user.profile.config",
                List.of(json.writeValueAsString(profile)));
        return realm;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userProfile(Map<String, Object> realm) throws IOException {
        String config = userProfileJson(userProfileComponent(realm));
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map<String, Object> attribute : Documents.list(new ObjectMapper().readValue(config, Map.class), "attributes")) {
            byName.put((String) attribute.get("name"), attribute.get("permissions"));
        }
        return byName;
    }

    /** The user profile lives as a JSON string inside the UserProfileProvider component of the realm. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> userProfileComponent(Map<String, Object> realm) {
        return ((List<Map<String, Object>>) Documents.at(realm, "components",
                "org.keycloak.userprofile.UserProfileProvider")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static String userProfileJson(Map<String, Object> component) {
        return ((List<String>) Documents.at(component, "config", "kc.user.profile.config")).get(0);
    }

    private static Map<String, Object> secretKey(String name, String key) {
        return Map.of("secret", Map.of("name", name, "key", key));
    }

    private static Map<String, Object> importOf(Map<String, Object> realm, Map<String, Object> placeholders) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "keycloak");
        if (!placeholders.isEmpty()) {
            spec.put("placeholders", placeholders);
        }
        spec.put("realm", realm);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        document.put("kind", "KeycloakRealmImport");
        document.put("metadata", Map.of("name", "secondment"));
        document.put("spec", spec);
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> developmentRealm() throws IOException {
        return new ObjectMapper().readValue(DEVELOPMENT_REALM.toFile(), LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, Map<String, Object> document, String comment) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(120);
        String yaml = new Yaml(new Representer(options), options).dump(document);
        Files.writeString(file, "# " + comment + "\n# Generated by tools/k8s-validation's RealmImportsTest from "
                + "tools/local-stack/src/main/resources/keycloak/secondment-realm.json: do not edit by hand.\n" + yaml,
                StandardCharsets.UTF_8);
    }
}
