package vn.secondment.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link TestKafka} field of a {@link WithRealInfrastructure} test: {@link RealInfrastructureResource} sets
 * it to the one client of the test JVM's broker (as the Kafka companion's {@code @InjectKafkaCompanion} does).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectTestKafka {
}
