package dev.moviedb.catalog.adapter.in.rest;

import dev.moviedb.catalog.application.ImportCatalogue.SnapshotRefusedException;
import dev.moviedb.catalogfiles.InvalidFileException;
import dev.moviedb.problems.Problem;
import dev.moviedb.problems.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** catalog-ingest's own failures as problems; the shared ones are the problems module's. */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response invalidFile(InvalidFileException e, UriInfo uri) {
    return Problems.response(
        400, "invalid-file", "The file cannot be imported", e.getMessage(), uri);
  }

  /**
   * A snapshot that would remove titles still offered: 422, the counts in the detail, and the first
   * rejected rows (line, field, reason) as the problem's errors.
   */
  @ServerExceptionMapper
  public Response snapshotRefused(SnapshotRefusedException e, UriInfo uri) {
    List<Problem.Violation> rows =
        e.rejections().stream()
            .map(
                r -> new Problem.Violation(null, r.field(), "line " + r.line() + ": " + r.reason()))
            .toList();
    return Problems.response(
        new Problem(
            Problem.type("snapshot-refused"),
            "The snapshot was refused; nothing was applied",
            422,
            e.getMessage(),
            uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
            null,
            null,
            null,
            rows.isEmpty() ? null : rows));
  }

  @ServerExceptionMapper
  public Response invalidArgument(IllegalArgumentException e, UriInfo uri) {
    return Problems.response(
        400, "invalid-request", "The request cannot be carried out", e.getMessage(), uri);
  }
}
