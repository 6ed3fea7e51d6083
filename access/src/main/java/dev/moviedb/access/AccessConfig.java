package dev.moviedb.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The request bodies every MovieDB service takes, under {@code moviedb.access}. */
@ConfigMapping(prefix = "moviedb.access")
public interface AccessConfig {

  /** The largest body of an endpoint without {@link BodyLimit}: a JSON request (64 KiB). */
  @WithDefault("65536")
  long maxBodyBytes();
}
