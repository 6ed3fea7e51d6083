package dev.moviedb.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-client rate limit of the {@code /v1} API, under {@code moviedb.rate-limit} (health,
 * metrics and the OpenAPI document are not limited): a token bucket per client address holding
 * {@code burst} requests, refilled with {@code requests-per-second}.
 */
@ConfigMapping(prefix = "moviedb.rate-limit")
public interface RateLimitConfig {

  @WithDefault("true")
  boolean enabled();

  @WithDefault("20")
  long requestsPerSecond();

  @WithDefault("40")
  long burst();

  /** Clients remembered at once; the least recently seen are forgotten first. */
  @WithDefault("100000")
  long clients();
}
