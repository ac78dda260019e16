package vn.secondment.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code @QuarkusTest} real infrastructure: a PostgreSQL 17 server, an Apache Kafka broker (KRaft)
 * and a WireMock OIDC server whose keys sign {@link TestTokens}. Each test JVM starts its own on free ports
 * and removes them at the end; every test class with this annotation shares them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public @interface WithRealInfrastructure {
}
