package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.recommend.application.RecommendTitles;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes a JSON answer naming the problem; nothing a client sends gives a 500. */
public class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  /** The body of every error answer. */
  public record ErrorResponse(int status, String error, String parameter) {}

  private static Response error(int status, String message, String parameter) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ErrorResponse(status, message, parameter))
        .build();
  }

  @ServerExceptionMapper
  public Response badParameter(BadParameterException e) {
    return error(400, e.getMessage(), e.parameter());
  }

  @ServerExceptionMapper
  public Response nothingToRank(RecommendTitles.NothingToRankException e) {
    return error(400, e.getMessage(), "q");
  }

  @ServerExceptionMapper
  public Response unknownTitle(RecommendTitles.UnknownTitleException e) {
    return error(404, e.getMessage(), "titleId");
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return error(404, "no such resource", null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String message = e.getMessage() == null ? "HTTP " + status : e.getMessage();
    if (status == 404 && e.getCause() instanceof NumberFormatException n) {
      return error(
          400, "a numeric parameter has a value that is not a number: " + n.getMessage(), null);
    }
    return error(status, message, null);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure", e);
    return error(503, "the recommendation could not be computed right now; try again", null);
  }
}
