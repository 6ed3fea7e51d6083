package dev.moviedb.signals.adapter.in.rest;

import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.redis.CollectiveReader;
import dev.moviedb.identity.Roles;
import dev.moviedb.problems.BadParameterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * What the signals hold, read through collective-state's reader (the one recommend-api uses): for
 * operators (admin) and tests. The public trending endpoint is recommend-api's {@code GET
 * /v1/trending}.
 */
@Path("/v1/signals")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SignalsResource {

  private final CollectiveReader reader;

  public SignalsResource(CollectiveReader reader) {
    this.reader = reader;
  }

  /** The trending titles of a service in a country (global without them, or when too few). */
  @GET
  @Path("/trending")
  public CollectiveReader.Trending trending(
      @QueryParam("service") String service,
      @QueryParam("country") String country,
      @QueryParam("horizon") @DefaultValue("week") String horizon,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    Horizon h;
    try {
      h = Horizon.parse(horizon);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("horizon", e.getMessage());
    }
    if (limit < 1 || limit > 1000) {
      throw new BadParameterException("limit", "limit must be within 1..1000, was " + limit);
    }
    boolean anyPlace = !blank(service) || !blank(country);
    if (anyPlace) {
      try {
        Scope.of(service, country);
      } catch (IllegalArgumentException e) {
        throw new BadParameterException(blank(service) ? "service" : "country", e.getMessage());
      }
    }
    return reader.trending(service, country, h, limit);
  }

  /** The titles most watched together with one title. */
  @GET
  @Path("/titles/{titleId}/neighbours")
  public List<Neighbour> neighbours(
      @PathParam("titleId") String titleId, @QueryParam("k") @DefaultValue("10") int k) {
    if (k < 1 || k > 1000) {
      throw new BadParameterException("k", "k must be within 1..1000, was " + k);
    }
    return reader.neighbours(titleId, k);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
