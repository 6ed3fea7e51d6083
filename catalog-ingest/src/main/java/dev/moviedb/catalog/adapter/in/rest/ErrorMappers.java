package dev.moviedb.catalog.adapter.in.rest;

import dev.moviedb.catalogfiles.InvalidFileException;
import dev.moviedb.problems.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** catalog-ingest's own failures as problems; the shared ones are the problems module's. */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response invalidFile(InvalidFileException e, UriInfo uri) {
    return Problems.response(
        400, "invalid-file", "The file cannot be imported", e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response invalidArgument(IllegalArgumentException e, UriInfo uri) {
    return Problems.response(
        400, "invalid-request", "The request cannot be carried out", e.getMessage(), uri);
  }
}
