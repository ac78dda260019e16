package vn.secondment.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import vn.secondment.testing.OpenApiDocumentChecks;
import vn.secondment.testing.WithRealInfrastructure;

@QuarkusTest
@WithRealInfrastructure
class OpenApiDocumentTest extends OpenApiDocumentChecks {

    /** Inbox 5, dead letters 3, webhooks 9 (with deliveries and audit), deliveries 1, e-mail subscription 2. */
    @Override
    protected int minimumOperations() {
        return 20;
    }
}
