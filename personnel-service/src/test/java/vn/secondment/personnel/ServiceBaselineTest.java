package vn.secondment.personnel;

import io.quarkus.test.junit.QuarkusTest;
import vn.secondment.testing.ServiceBaselineChecks;
import vn.secondment.testing.WithRealInfrastructure;

@QuarkusTest
@WithRealInfrastructure
class ServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String serviceName() {
        return "personnel-service";
    }

    @Override
    protected String apiPrefix() {
        return "/api/personnel";
    }
}
