package dev.moviedb.taste.adapter.in.messaging;

import dev.moviedb.taste.config.TasteConfig;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs a batch of the consumer until it goes through. Events that can never be applied never throw
 * (they are dead-lettered), so an exception escaping a batch is an outage: Redis or the broker (for
 * the dead letters) does not answer. The same batch is then tried again after a pause that doubles
 * up to a longest pause (SmallRye Fault Tolerance), for as long as it takes; applying a batch again
 * changes nothing. Meanwhile nothing is committed, the Kafka connector pauses the partitions once
 * its queue is full (the consumer stays in its group), and the service is not ready ({@link
 * #pausedSince}).
 */
@ApplicationScoped
public class OutageRetry {

  private static final Logger LOG = Logger.getLogger(OutageRetry.class);

  /** Why consumption is paused, since when, and how many tries failed. */
  public record Pause(Instant since, String reason, int failures) {}

  private final Guard guard;
  private volatile Pause pause;

  public OutageRetry(TasteConfig config) {
    long first = config.outage().firstPause().toMillis();
    this.guard =
        Guard.create()
            .withDescription("watch-event batch")
            .withRetry()
            .maxRetries(-1)
            .maxDuration(0, ChronoUnit.MILLIS)
            .delay(first, ChronoUnit.MILLIS)
            .jitter(first / 4, ChronoUnit.MILLIS)
            .withExponentialBackoff()
            .factor(2)
            .maxDelay(config.outage().longestPause().toMillis(), ChronoUnit.MILLIS)
            .done()
            .beforeRetry(this::paused)
            .done()
            .build();
  }

  /** Runs the batch, trying it again until it completes; returns the failed tries. */
  public int run(Runnable batch) {
    try {
      guard.call(
          () -> {
            batch.run();
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
        "consuming again: the batch went through after %d failed tries since %s",
        ended.failures(), ended.since());
    return ended.failures();
  }

  /** Set while a batch waits for a dependency. */
  public Optional<Pause> pausedSince() {
    return Optional.ofNullable(pause);
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
          "a watch-event batch failed (%s): a dependency does not answer; consumption is paused and"
              + " the batch is tried again until it goes through",
          reason);
    }
  }
}
