package dev.moviedb.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OutageRetryTest {

  private final OutageRetry retry =
      new OutageRetry("test batch", Duration.ofMillis(20), Duration.ofMillis(80));

  @Test
  void aBatchThatFailsWhileADependencyIsDown_isTriedAgainUntilItGoesThrough_andCountsItsFailures() {
    AtomicInteger tries = new AtomicInteger();

    int failures =
        retry.run(
            () -> {
              if (tries.incrementAndGet() <= 3) {
                throw new IllegalStateException("Redis does not answer");
              }
            });

    assertThat(tries).hasValue(4);
    assertThat(failures).isEqualTo(3);
    assertThat(retry.pausedSince()).isEmpty();
    assertThat(retry.readiness("consumption").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void whileABatchWaits_theServiceIsNotReady_andSaysWhy() throws Exception {
    CountDownLatch dependencyBack = new CountDownLatch(1);
    CompletableFuture<Integer> batch =
        CompletableFuture.supplyAsync(
            () ->
                retry.run(
                    () -> {
                      if (dependencyBack.getCount() > 0) {
                        throw new IllegalStateException("the vector store does not answer");
                      }
                    }));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (retry.pausedSince().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    HealthCheckResponse paused = retry.readiness("consumption");
    dependencyBack.countDown();

    assertThat(paused.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(paused.getData().orElseThrow())
        .containsEntry("last-failure", "the vector store does not answer");
    assertThat(batch.get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(retry.readiness("consumption").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }
}
