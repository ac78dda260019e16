package vn.secondment.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import vn.secondment.embedded.EmbeddedKafkaBroker;
import vn.secondment.embedded.EmbeddedPostgresServer;
import vn.secondment.embedded.FreePorts;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts and stops the servers behind {@link WithRealInfrastructure}, and gives each test its {@link TestKafka}
 * (fields annotated {@link InjectTestKafka}). With the argument {@link #BEHIND_FAULT_PROXIES} (the
 * {@link FaultInjection} profile) the application reaches them through fault proxies, given to the tests as
 * {@link Faults} (fields annotated {@link InjectFaults}).
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** Argument that puts a {@link FaultProxy} between the application and each of PostgreSQL and Kafka. */
    public static final String BEHIND_FAULT_PROXIES = "behind-fault-proxies";

    private static final String DATABASE = "postgres";

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private TestKafka testKafka;
    private OidcWiremockTestResource oidc;
    private boolean behindFaultProxies;
    private Faults faults;

    @Override
    public void init(Map<String, String> initArgs) {
        behindFaultProxies = Boolean.parseBoolean(initArgs.get(BEHIND_FAULT_PROXIES));
    }

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgresServer.startTemporary();
        String jdbcUrl = postgres.jdbcUrl(DATABASE);
        String kafkaServers;
        if (behindFaultProxies) {
            FaultProxy database = FaultProxy.to("127.0.0.1", postgres.port());
            int proxiedListener = FreePorts.find();
            FaultProxy kafkaProxy = FaultProxy.to("127.0.0.1", proxiedListener);
            kafka = EmbeddedKafkaBroker.startTemporaryWithProxiedListener(proxiedListener, kafkaProxy.port());
            faults = new Faults(database, kafkaProxy);
            jdbcUrl = "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + DATABASE;
            kafkaServers = "127.0.0.1:" + kafkaProxy.port();
        } else {
            kafka = EmbeddedKafkaBroker.startTemporary();
            kafkaServers = kafka.bootstrapServers();
        }
        testKafka = new TestKafka(kafka.bootstrapServers());
        oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafkaServers);
        config.put("quarkus.oidc.auth-server-url", oidcConfig.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("smallrye.jwt.sign.key.location", TestTokens.SIGNING_KEY);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(testKafka,
                new TestInjector.AnnotatedAndMatchesType(InjectTestKafka.class, TestKafka.class));
        if (faults != null) {
            testInjector.injectIntoFields(faults,
                    new TestInjector.AnnotatedAndMatchesType(InjectFaults.class, Faults.class));
        }
    }

    @Override
    public void stop() {
        if (testKafka != null) {
            testKafka.close();
        }
        if (faults != null) {
            faults.database().close();
            faults.kafka().close();
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
