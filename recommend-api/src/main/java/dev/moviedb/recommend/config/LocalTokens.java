package dev.moviedb.recommend.config;

import dev.moviedb.identity.LocalIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The local issuer when the local stack turned the token endpoint on, else nothing. Its keys must
 * exist (bin/moviedb makes them before it starts any service).
 */
@ApplicationScoped
public class LocalTokens {

  private static final Logger LOG = Logger.getLogger(LocalTokens.class);

  private final Optional<LocalIssuer> issuer;
  private final Duration lifetime;

  public LocalTokens(LocalIssuerConfig config) {
    this.issuer = config.directory().map(LocalIssuer::load);
    this.lifetime = config.lifetime();
    issuer.ifPresent(
        i ->
            LOG.warnf(
                "POST /v1/local/token gives a token for any user name to callers on this machine"
                    + " (keys in %s): for the local stack only",
                config.directory().orElseThrow()));
  }

  public Optional<LocalIssuer> issuer() {
    return issuer;
  }

  public Duration lifetime() {
    return lifetime;
  }
}
