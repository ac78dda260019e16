package vn.secondment.rest.http.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/** A resource of the test application: logs from its worker thread, fails, or takes its time. */
@Path("/api/probe")
@Produces(MediaType.TEXT_PLAIN)
@RolesAllowed("**")
public class ProbeResource {

    public static final String SERVED = "Probe served";

    private static final Logger LOG = Logger.getLogger(ProbeResource.class);

    @GET
    @Path("/officials/{id}")
    public String official(@PathParam("id") String id) {
        LOG.info(SERVED);
        return "ok";
    }

    @GET
    @Path("/failure")
    public String failure() {
        throw new IllegalStateException("the probe's own failure");
    }

    @GET
    @Path("/slow/{id}")
    public String slow(@PathParam("id") String id) throws InterruptedException {
        Thread.sleep(600);
        return "ok";
    }
}
