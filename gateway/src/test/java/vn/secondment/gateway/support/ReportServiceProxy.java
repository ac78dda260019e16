package vn.secondment.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test's {@code FaultProxy} field between the gateway and report-service (the fake personnel-service's
 * WireMock server behind a proxy), so that a test can make the service silent or cut it off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ReportServiceProxy {
}
