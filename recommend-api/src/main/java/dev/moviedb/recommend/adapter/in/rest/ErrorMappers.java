package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.problems.Problems;
import dev.moviedb.ranking.NothingToRankException;
import dev.moviedb.ranking.UnknownTitleException;
import dev.moviedb.recommend.application.InvalidFeedbackException;
import dev.moviedb.recommend.application.ServedCatalogue.UnknownValueException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** recommend-api's own failures as problems; the shared ones are the problems module's. */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response nothingToRank(NothingToRankException e, UriInfo uri) {
    return Problems.badParameter("q", e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response unknownValue(UnknownValueException e, UriInfo uri) {
    return Problems.badParameter(e.parameter(), e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response invalidFeedback(InvalidFeedbackException e, UriInfo uri) {
    return Problems.badField(e.field(), e.getMessage(), uri);
  }

  @ServerExceptionMapper
  public Response unknownTitle(UnknownTitleException e, UriInfo uri) {
    return Problems.response(404, "unknown-title", "No title with this id", e.getMessage(), uri);
  }
}
