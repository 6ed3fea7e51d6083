package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.problems.Problems;
import dev.moviedb.taste.domain.InvalidFileException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** taste-profile-service's own failures as problems; the shared ones are the problems module's. */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response invalidFile(InvalidFileException e, UriInfo uri) {
    return Problems.response(
        e.status(), "invalid-export", "The export cannot be read", e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response invalidArgument(IllegalArgumentException e, UriInfo uri) {
    return Problems.response(
        400, "invalid-request", "The request cannot be carried out", e.getMessage(), uri);
  }
}
