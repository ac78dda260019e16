package vn.secondment.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import vn.secondment.embedded.EmbeddedKafkaBroker;
import vn.secondment.embedded.EmbeddedPostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts and stops the servers behind {@link WithRealInfrastructure}, and gives each test its {@link TestKafka}
 * (fields annotated {@link InjectTestKafka}).
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "postgres";

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private TestKafka testKafka;
    private OidcWiremockTestResource oidc;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgresServer.startTemporary();
        kafka = EmbeddedKafkaBroker.startTemporary();
        testKafka = new TestKafka(kafka.bootstrapServers());
        oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", oidcConfig.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("smallrye.jwt.sign.key.location", TestTokens.SIGNING_KEY);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(testKafka,
                new TestInjector.AnnotatedAndMatchesType(InjectTestKafka.class, TestKafka.class));
    }

    @Override
    public void stop() {
        if (testKafka != null) {
            testKafka.close();
        }
        if (oidc != null) {
            oidc.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
