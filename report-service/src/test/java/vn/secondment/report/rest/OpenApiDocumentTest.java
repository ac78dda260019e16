package vn.secondment.report.rest;

import io.quarkus.test.junit.QuarkusTest;
import vn.secondment.testing.OpenApiDocumentChecks;
import vn.secondment.testing.WithRealInfrastructure;

@QuarkusTest
@WithRealInfrastructure
class OpenApiDocumentTest extends OpenApiDocumentChecks {

    @Override
    protected int minimumOperations() {
        return 35;
    }
}
