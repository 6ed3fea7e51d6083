package dev.moviedb.worker.adapter.in.rest;

import dev.moviedb.identity.Roles;
import dev.moviedb.problems.Problems;
import dev.moviedb.worker.application.ManageIndex;
import dev.moviedb.worker.application.ManageIndex.IndexStatus;
import dev.moviedb.worker.application.ManageIndex.NotCaughtUpException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code GET /v1/index}: how many titles are searchable, with which model, whether this index is
 * the live one and how far the worker is behind the catalogue. {@code POST /v1/index/promote}: a
 * staging worker (a re-embed) makes its index the live one once it has caught up (409 before). Both
 * are operations of an admin.
 */
@Path("/v1/index")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

  private final ManageIndex index;

  public IndexResource(ManageIndex index) {
    this.index = index;
  }

  @GET
  public IndexStatus status() {
    return index.status();
  }

  @POST
  @Path("/promote")
  public IndexStatus promote(@QueryParam("force") boolean force) {
    return index.promote(force);
  }

  @ServerExceptionMapper
  public Response notCaughtUp(NotCaughtUpException e, UriInfo uri) {
    return Problems.response(
        409,
        "index-not-caught-up",
        "The index has not caught up with the catalogue",
        e.getMessage(),
        uri);
  }
}
