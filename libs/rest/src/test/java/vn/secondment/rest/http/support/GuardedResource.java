package vn.secondment.rest.http.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Roles;

/** A resource of the test application whose operations allow some roles only, on the method or on the class. */
@Path("/api/guarded")
@Produces(MediaType.TEXT_PLAIN)
@RolesAllowed(Roles.VIEWER)
public class GuardedResource {

    @POST
    @Path("/plans")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    public String plan() {
        return "ok";
    }

    @GET
    @Path("/figures")
    public String figures() {
        return "ok";
    }

    @GET
    @Path("/scoped")
    @RolesAllowed("**")
    public String scoped() {
        throw ProblemException.forbidden("You may act only for your own ministry (BCT), not for BNV");
    }
}
