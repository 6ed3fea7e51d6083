package dev.moviedb.recommend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The local stack's token endpoint ({@code POST /v1/local/token}), off unless {@code
 * moviedb.local-issuer.directory} names the local issuer's keys ({@code bin/moviedb} sets it;
 * nothing in docker-compose or deploy/ does).
 */
@ConfigMapping(prefix = "moviedb.local-issuer")
public interface LocalIssuerConfig {

  /** The directory of the local issuer's key pair; absent: the endpoint answers 404. */
  Optional<Path> directory();

  /** How long a token it gives lives. */
  @WithDefault("PT12H")
  Duration lifetime();
}
