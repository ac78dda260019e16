package vn.secondment.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import vn.secondment.testing.OpenApiDocumentChecks;
import vn.secondment.testing.WithRealInfrastructure;

@QuarkusTest
@WithRealInfrastructure
class OpenApiDocumentTest extends OpenApiDocumentChecks {

    /** The inbox: list, unread count, mark one read, mark all read, live stream. */
    @Override
    protected int minimumOperations() {
        return 19;
    }
}
