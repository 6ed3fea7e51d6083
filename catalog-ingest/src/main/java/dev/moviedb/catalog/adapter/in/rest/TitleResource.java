package dev.moviedb.catalog.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.moviedb.access.BodyLimit;
import dev.moviedb.catalog.application.ManageTitles;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import dev.moviedb.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Single titles, and the availability feed per service and country. */
@Path("/v1/catalog")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TitleResource {

  private final ManageTitles titles;

  public TitleResource(ManageTitles titles) {
    this.titles = titles;
  }

  /** The body of {@code PUT /v1/catalog/titles/{id}}. */
  public record TitleBody(
      TitleType type,
      String title,
      List<String> alternateTitles,
      Integer year,
      Integer runtimeMinutes,
      Integer seasons,
      List<String> genres,
      List<String> cast,
      List<String> directors,
      List<String> countries,
      List<String> languages,
      String maturityRating,
      String description,
      String franchise,
      List<Availability> availability,
      Map<String, String> externalIds) {}

  /** A title as {@code GET /v1/catalog/titles/{id}} shows it: its record and its work. */
  public record TitleView(@JsonUnwrapped CatalogTitle title, String workId) {}

  @GET
  @Path("/titles/{titleId}")
  public TitleView get(@PathParam("titleId") String titleId) {
    return titles
        .get(titleId)
        .map(m -> new TitleView(m.title(), m.workId()))
        .orElseThrow(() -> new NotFoundException("no title with id " + titleId));
  }

  @PUT
  @Path("/titles/{titleId}")
  public Response put(@PathParam("titleId") String titleId, TitleBody body) {
    if (body == null) {
      throw new IllegalArgumentException("the body must be a JSON title record");
    }
    CatalogTitle title =
        new CatalogTitle(
            titleId,
            body.type(),
            body.title(),
            body.alternateTitles(),
            body.year(),
            body.runtimeMinutes(),
            body.seasons(),
            body.genres(),
            body.cast(),
            body.directors(),
            body.countries(),
            body.languages(),
            body.maturityRating(),
            body.description(),
            body.franchise(),
            body.availability(),
            body.externalIds());
    return Response.ok(titles.put(title)).build();
  }

  @DELETE
  @Path("/titles/{titleId}")
  public Response delete(@PathParam("titleId") String titleId) {
    if (!titles.delete(titleId)) {
      throw new NotFoundException("no title with id " + titleId);
    }
    return Response.ok(Map.of("titleId", titleId, "removed", true)).build();
  }

  /** One entry of an availability snapshot. */
  public record AvailableTitle(String titleId, LocalDate from, LocalDate until) {}

  /** The body of {@code PUT /v1/catalog/availability/{service}/{country}}. */
  public record AvailabilityBody(List<AvailableTitle> titles) {}

  @PUT
  @Path("/availability/{service}/{country}")
  @BodyLimit(16 * 1024 * 1024)
  public ManageTitles.AvailabilityResult availability(
      @PathParam("service") String service,
      @PathParam("country") String country,
      AvailabilityBody body) {
    if (body == null || body.titles() == null) {
      throw new IllegalArgumentException(
          "the body must be {\"titles\":[{\"titleId\":...,\"from\":...,\"until\":...}]}");
    }
    if (!country.matches("[A-Za-z]{2}")) {
      throw new IllegalArgumentException(
          "country '" + country + "' is not a two-letter ISO 3166 code");
    }
    Map<String, Availability> available = new LinkedHashMap<>();
    for (AvailableTitle t : body.titles()) {
      if (t.titleId() == null || t.titleId().isBlank()) {
        throw new IllegalArgumentException("titles[].titleId is missing");
      }
      available.put(
          t.titleId(),
          new Availability(service.toLowerCase(), country.toUpperCase(), t.from(), t.until()));
    }
    return titles.setAvailability(service, country, available);
  }
}
