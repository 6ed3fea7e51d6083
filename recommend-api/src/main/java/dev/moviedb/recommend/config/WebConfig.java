package dev.moviedb.recommend.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * What the web page served at {@code /} needs to know about the suite ({@code moviedb.web.*}).
 * Uploads, the taste, export and erase are taste-profile-service's: the page calls it directly with
 * the signed-in user's token, which its CORS allows for the page's origin (the local stack's {@code
 * bin/moviedb} sets both).
 */
@ConfigMapping(prefix = "moviedb.web")
public interface WebConfig {

  /**
   * Where a browser reaches taste-profile-service, e.g. {@code http://127.0.0.1:8083}; absent: the
   * page's own host on port 8083.
   */
  Optional<URI> tasteServiceUrl();
}
