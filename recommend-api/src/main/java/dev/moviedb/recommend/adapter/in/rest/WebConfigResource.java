package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.recommend.config.WebConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v1/web/config}: what the web page needs to know about the suite (anyone). */
@Path("/v1/web/config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WebConfigResource {

  /** The page's settings. */
  public record PageConfig(
      @Schema(
              description =
                  "where the browser reaches taste-profile-service (uploads, taste, export,"
                      + " erase); absent: the page's host on port 8083")
          String tasteServiceUrl) {}

  private final WebConfig config;

  public WebConfigResource(WebConfig config) {
    this.config = config;
  }

  @GET
  @Operation(summary = "The web page's settings: where taste-profile-service answers")
  public PageConfig config() {
    return new PageConfig(config.tasteServiceUrl().map(u -> u.toString()).orElse(null));
  }
}
