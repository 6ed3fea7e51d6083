package dev.moviedb.consumption;

import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * Runs a batch of a consumer until it goes through. Records that can never be applied never throw
 * (the consumer dead-letters them), so an exception escaping a batch is an outage: a store, the
 * model or the broker (for the dead letters) does not answer. The same batch is then tried again
 * after a pause that doubles up to a longest pause (SmallRye Fault Tolerance), for as long as it
 * takes; applying a batch again changes nothing. Meanwhile nothing is committed, the Kafka
 * connector pauses the partitions once its queue is full (the consumer stays in its group), and the
 * service is not ready ({@link #readiness}).
 */
public class OutageRetry {

  private static final Logger LOG = Logger.getLogger(OutageRetry.class);

  /** Why consumption is paused, since when, and how many tries failed. */
  public record Pause(Instant since, String reason, int failures) {}

  private final String batch;
  private final Guard guard;
  private volatile Pause pause;

  /**
   * @param batch what a batch is, for the log ("watch-event batch")
   * @param firstPause the pause before the first retry; it doubles with every failed retry
   * @param longestPause the longest pause between two tries
   */
  public OutageRetry(String batch, Duration firstPause, Duration longestPause) {
    this.batch = batch;
    long first = firstPause.toMillis();
    this.guard =
        Guard.create()
            .withDescription(batch)
            .withRetry()
            .maxRetries(-1)
            .maxDuration(0, ChronoUnit.MILLIS)
            .delay(first, ChronoUnit.MILLIS)
            .jitter(first / 4, ChronoUnit.MILLIS)
            .withExponentialBackoff()
            .factor(2)
            .maxDelay(longestPause.toMillis(), ChronoUnit.MILLIS)
            .done()
            .beforeRetry(this::paused)
            .done()
            .build();
  }

  /** Runs the batch, trying it again until it completes; returns the failed tries. */
  public int run(Runnable work) {
    try {
      guard.call(
          () -> {
            work.run();
            return null;
          },
          Void.class);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Pause ended = pause;
    if (ended == null) {
      return 0;
    }
    pause = null;
    LOG.infof(
        "consuming again: the %s went through after %d failed tries since %s",
        batch, ended.failures(), ended.since());
    return ended.failures();
  }

  /** Set while a batch waits for a dependency. */
  public Optional<Pause> pausedSince() {
    return Optional.ofNullable(pause);
  }

  /** The readiness check named {@code name}: down, with the pause, while a batch waits. */
  public HealthCheckResponse readiness(String name) {
    var answer = HealthCheckResponse.named(name);
    return pausedSince()
        .map(
            p ->
                answer
                    .down()
                    .withData("paused-since", p.since().toString())
                    .withData("failed-tries", p.failures())
                    .withData("last-failure", p.reason())
                    .build())
        .orElseGet(() -> answer.up().build());
  }

  private void paused(Throwable failure) {
    Pause before = pause;
    String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    pause =
        new Pause(
            before == null ? Instant.now() : before.since(),
            reason,
            before == null ? 1 : before.failures() + 1);
    if (before == null) {
      LOG.warnf(
          "a %s failed (%s): a dependency does not answer; consumption is paused and the batch is"
              + " tried again until it goes through",
          batch, reason);
    }
  }
}
