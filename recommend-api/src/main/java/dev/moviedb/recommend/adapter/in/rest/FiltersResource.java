package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.events.TitleType;
import dev.moviedb.recommend.application.RecommendTitles;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /v1/filters}: the values the served catalogue holds, to choose filters from (anyone).
 */
@Path("/v1/filters")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class FiltersResource {

  /** What a client may offer: types, genres, and the countries of each service. */
  public record Filters(
      List<TitleType> types, Set<String> genres, List<ServiceCountries> services) {}

  /** A streaming service and the countries where the catalogue has its titles. */
  public record ServiceCountries(String service, Set<String> countries) {}

  private final RecommendTitles recommend;

  public FiltersResource(RecommendTitles recommend) {
    this.recommend = recommend;
  }

  @GET
  @Operation(summary = "The genres, services and countries the served catalogue holds")
  public Filters filters() {
    RecommendTitles.KnownValues known = recommend.knownValues();
    return new Filters(
        Arrays.asList(TitleType.values()),
        known.genres(),
        known.countriesByService().entrySet().stream()
            .map(e -> new ServiceCountries(e.getKey(), e.getValue()))
            .toList());
  }
}
