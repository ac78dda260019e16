package vn.secondment.assignment;

import io.quarkus.test.junit.QuarkusTest;
import vn.secondment.testing.ServiceBaselineChecks;
import vn.secondment.testing.WithRealInfrastructure;

@QuarkusTest
@WithRealInfrastructure
class ServiceBaselineTest extends ServiceBaselineChecks {

    @Override
    protected String serviceName() {
        return "assignment-service";
    }

    @Override
    protected String apiPrefix() {
        return "/api/assignment";
    }
}
