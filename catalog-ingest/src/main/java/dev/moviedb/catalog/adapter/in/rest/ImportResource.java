package dev.moviedb.catalog.adapter.in.rest;

import dev.moviedb.access.BodyLimit;
import dev.moviedb.catalog.adapter.in.file.Spool;
import dev.moviedb.catalog.application.ImportCatalogue;
import dev.moviedb.catalog.domain.ImportMode;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalogfiles.CatalogueFormat;
import dev.moviedb.events.Availability;
import dev.moviedb.identity.Roles;
import dev.moviedb.problems.BadParameterException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code /v1/catalog/imports}: import a catalogue file sent as the request body. */
@Path("/v1/catalog/imports")
@RolesAllowed(Roles.ADMIN)
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public class ImportResource {

  private static final Set<String> ACCEPTED_TYPES =
      Set.of(
          "text/csv",
          "application/csv",
          "application/x-ndjson",
          "application/jsonl",
          "application/x-jsonlines",
          "application/octet-stream",
          "text/plain");

  private final ImportCatalogue importCatalogue;
  private final Spool spool;

  public ImportResource(ImportCatalogue importCatalogue, Spool spool) {
    this.importCatalogue = importCatalogue;
    this.spool = spool;
  }

  @POST
  @Blocking
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(BodyLimit.READ_BY_THE_RESOURCE)
  public Response importFile(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Accept") String accept,
      @QueryParam("format") String format,
      @QueryParam("mode") String mode,
      @QueryParam("source") String source,
      @QueryParam("service") String service,
      @QueryParam("country") String country,
      @QueryParam("name") String name,
      @QueryParam("force") String force) {
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !ACCEPTED_TYPES.contains(type)) {
      throw new NotSupportedException(
          "Content-Type "
              + type
              + " is not a catalogue file; send text/csv (netflix_titles.csv format) or"
              + " application/x-ndjson (JSON lines)");
    }
    CatalogueFormat fileFormat =
        format != null ? CatalogueFormat.parse(format) : CatalogueFormat.guess(name, type);
    if (fileFormat == null) {
      throw new IllegalArgumentException(
          "format is unknown: add ?format=csv or ?format=jsonl, or send Content-Type text/csv or"
              + " application/x-ndjson");
    }
    ImportMode importMode = parseMode(mode);
    boolean forced = parseForce(force);
    if ((service == null) != (country == null)) {
      throw new IllegalArgumentException("service and country must be given together");
    }
    String fileName = name == null || name.isBlank() ? "request body" : name;
    String src =
        source == null || source.isBlank()
            ? (fileFormat == CatalogueFormat.NETFLIX_CSV ? "netflix" : "catalog")
            : source;
    List<Availability> declared =
        service == null
            ? List.of()
            : List.of(
                Availability.of(
                    service.toLowerCase(Locale.ROOT), country.toUpperCase(Locale.ROOT)));
    try (Spool.File file = spool.store(body, fileName)) {
      ImportReport report =
          importCatalogue.run(
              new ImportCatalogue.Request(
                  fileName, fileFormat.formatName(), src, importMode, declared, forced),
              () -> fileFormat.open(file.open(), fileName, src));
      int status = "COMPLETED".equals(report.status()) ? 200 : report.published() > 0 ? 207 : 400;
      if (report.error() != null && report.error().startsWith("Kafka did not acknowledge")) {
        status = 503;
      }
      if (accept != null && accept.startsWith(MediaType.TEXT_PLAIN)) {
        return Response.status(status)
            .type(MediaType.TEXT_PLAIN)
            .entity(ReportText.render(report))
            .build();
      }
      return Response.status(status).entity(report).build();
    }
  }

  private static ImportMode parseMode(String mode) {
    if (mode == null || mode.isBlank()) {
      return ImportMode.UPSERT;
    }
    try {
      return ImportMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mode '" + mode + "' is unknown (expected upsert or snapshot)");
    }
  }

  private static boolean parseForce(String force) {
    if (force == null || force.isBlank()) {
      return false;
    }
    return switch (force.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadParameterException("force", "'" + force + "' is not true or false");
    };
  }

  @GET
  @Path("/{importId}")
  public Response report(@PathParam("importId") String importId) {
    return importCatalogue
        .report(importId)
        .map(r -> Response.ok(r).build())
        .orElseThrow(() -> new NotFoundException("no import with id " + importId));
  }
}
