package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.problems.Problem;
import dev.moviedb.taste.config.TasteConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an upload whose declared Content-Length is over the limit with a problem document, before
 * the body is read (the HTTP layer's own limit answers 413 without explanation).
 */
@ApplicationScoped
public class UploadLimitFilter {

  void register(@Observes Filters filters, TasteConfig config) {
    long limit = config.maxUploadBytes();
    filters.register(
        rc -> {
          String length = rc.request().getHeader("Content-Length");
          if (HttpMethod.POST.equals(rc.request().method())
              && length != null
              && tooLarge(length, limit)) {
            String message =
                "the upload is "
                    + length
                    + " bytes, over the limit of "
                    + limit
                    + " bytes (50 MB): upload the CSV files of the archive's"
                    + " CONTENT_INTERACTION folder (ViewingActivity.csv, Ratings.csv,"
                    + " MyList.csv) one by one";
            Problem problem =
                new Problem(
                    Problem.type("upload-too-large"),
                    "The upload is larger than the limit",
                    413,
                    message,
                    rc.request().path(),
                    null,
                    null,
                    null,
                    null);
            rc.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(JsonObject.mapFrom(problem).encode());
            return;
          }
          rc.next();
        },
        100);
  }

  private static boolean tooLarge(String length, long limit) {
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
