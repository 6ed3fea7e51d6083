package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.taste.application.CatalogueLoadingException;
import dev.moviedb.taste.application.port.WatchEventPublisher.PublishFailedException;
import dev.moviedb.taste.domain.InvalidFileException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to JSON answers with a clear message, never a stack trace. */
public class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ErrorResponse(status, message))
        .build();
  }

  @ServerExceptionMapper
  public Response invalidFile(InvalidFileException e) {
    return error(e.status(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response invalidArgument(IllegalArgumentException e) {
    return error(400, e.getMessage());
  }

  @ServerExceptionMapper
  public Response kafkaDown(PublishFailedException e) {
    return error(503, e.getMessage());
  }

  @ServerExceptionMapper
  public Response catalogueLoading(CatalogueLoadingException e) {
    return error(503, e.getMessage());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String message =
        status == 413
            ? "the upload is larger than the 50 MB limit: upload the CSV files of the archive's"
                + " CONTENT_INTERACTION folder one by one"
            : e.getMessage() == null ? "HTTP " + status : e.getMessage();
    return error(status, message);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure", e);
    return error(500, "internal error: " + e.getClass().getSimpleName());
  }
}
