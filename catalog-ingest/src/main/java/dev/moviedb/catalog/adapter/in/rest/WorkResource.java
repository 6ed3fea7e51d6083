package dev.moviedb.catalog.adapter.in.rest;

import dev.moviedb.catalog.adapter.in.rest.TitleResource.TitleView;
import dev.moviedb.catalog.application.ManageTitles;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /v1/catalog/works}: one work as published on {@code catalog.works}, and its members. */
@Path("/v1/catalog/works")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

  private final ManageTitles titles;

  public WorkResource(ManageTitles titles) {
    this.titles = titles;
  }

  /** The merged record of a work, the ids of its members, and each member's own record. */
  public record WorkView(
      String workId, List<String> memberIds, CatalogTitle work, List<TitleView> members) {}

  @GET
  @Path("/{workId}")
  public WorkView get(@PathParam("workId") String workId) {
    return titles
        .work(workId)
        .map(
            v ->
                new WorkView(
                    workId,
                    v.work().memberIds(),
                    v.work().record(),
                    v.members().stream().map(m -> new TitleView(m.title(), m.workId())).toList()))
        .orElseThrow(() -> new NotFoundException("no work with id " + workId));
  }
}
