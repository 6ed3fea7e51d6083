package dev.moviedb.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moviedb.problems.Problem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The per-client rate limit of the {@code /v1} API (Bucket4j): each client address has a token
 * bucket of {@code moviedb.rate-limit.burst} requests, refilled at {@code requests-per-second}. A
 * request finding the bucket empty is answered 429 with {@code Retry-After} (whole seconds until a
 * token is back), before authentication or any other work. Health, metrics and the OpenAPI document
 * ({@code /q/...}) are never limited. The address is the connection's, or the forwarded client's
 * where {@code quarkus.http.proxy.*} trusts a proxy.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  /** Runs before the security and REST layers (Quarkus' own filters are below 1000). */
  static final int PRIORITY = 2000;

  private final RateLimitConfig config;
  private final Cache<String, Bucket> buckets;

  public RateLimiter(RateLimitConfig config) {
    this.config = config;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(this.config.clients())
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
  }

  void register(@Observes Filters filters) {
    if (!config.enabled()) {
      LOG.info("the per-client rate limit is off (moviedb.rate-limit.enabled=false)");
      return;
    }
    LOG.infof(
        "per-client rate limit: %d requests/s, bursts of %d",
        config.requestsPerSecond(), config.burst());
    filters.register(this::limit, PRIORITY);
  }

  private void limit(RoutingContext rc) {
    if (!rc.normalizedPath().startsWith("/v1/")) {
      rc.next();
      return;
    }
    ConsumptionProbe probe =
        buckets.get(client(rc), c -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      rc.next();
      return;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    Problem problem =
        new Problem(
            Problem.type("rate-limited"),
            "Too many requests from this client",
            429,
            "more than "
                + config.requestsPerSecond()
                + " requests per second (bursts of "
                + config.burst()
                + ") from this client; retry after "
                + seconds
                + " s",
            rc.normalizedPath(),
            null,
            null,
            null,
            null);
    rc.response()
        .setStatusCode(429)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Retry-After", Long.toString(seconds))
        .end(JsonObject.mapFrom(problem).encode());
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(config.burst())
                .refillGreedy(config.requestsPerSecond(), Duration.ofSeconds(1))
                .build())
        .build();
  }

  private static String client(RoutingContext rc) {
    SocketAddress address = rc.request().remoteAddress();
    return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
  }
}
