package dev.moviedb.worker.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.testing.WithKafkaAndRedis;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.ScoredTitle;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.worker.application.IndexCatalogue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A vector store or model that does not answer is an outage, not a bad record: the batch waits and
 * is tried again, the worker is not ready meanwhile, and no good title is dead-lettered.
 */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class OutageIsNotPoisonTest {

  @Inject OutageRetry outage;
  @Inject VectorStore store;
  @Inject TextEmbedder embedder;

  private static RuntimeException refused() {
    return new UncheckedIOException(
        "qdrant:6334 does not answer", new ConnectException("Connection refused"));
  }

  @Test
  void givenStoreDownForTwoSeconds_batch_isNotReadyMeanwhile_andGoesThroughOnceItIsBack()
      throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    AtomicInteger tries = new AtomicInteger();
    AtomicInteger applied = new AtomicInteger();
    CompletableFuture<Void> batch =
        CompletableFuture.runAsync(
            () ->
                outage.run(
                    () -> {
                      tries.incrementAndGet();
                      if (System.nanoTime() < until) {
                        throw refused();
                      }
                      applied.incrementAndGet();
                    }));

    while (tries.get() < 2) {
      Thread.sleep(20);
    }
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("checks.name", hasItem("catalogue-consumption"))
        .body(
            "checks.find { it.name == 'catalogue-consumption' }.status",
            org.hamcrest.Matchers.equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'catalogue-consumption' }.data.last-failure",
            org.hamcrest.Matchers.containsString("does not answer"));

    batch.get(30, TimeUnit.SECONDS);
    assertThat(applied.get()).as("the batch went through exactly once").isEqualTo(1);
    assertThat(tries.get()).as("tried again with backoff, not in a tight loop").isBetween(3, 12);
    assertThat(outage.pausedSince()).isEmpty();
    given()
        .get("/q/health/ready")
        .then()
        .body(
            "checks.find { it.name == 'catalogue-consumption' }.status",
            org.hamcrest.Matchers.equalTo("UP"));
  }

  @Test
  void givenStoreRefusingConnectionsMidBatch_apply_throwsInsteadOfReportingGoodTitlesAsFailed() {
    String run = "outage-" + UUID.randomUUID();
    String good = run + ":good";
    String unlucky = run + ":unlucky";
    IndexCatalogue index =
        new IndexCatalogue(embedder, new DroppingStore(store, unlucky), new SimpleMeterRegistry());
    Map<String, TitlePublished> batch = new LinkedHashMap<>();
    batch.put(good, title(good, "Harbour Lights"));
    batch.put(unlucky, title(unlucky, "Winter Orchard"));

    assertThatThrownBy(() -> index.apply(batch))
        .as("an outage is thrown, so the batch is tried again, not dead-lettered")
        .hasRootCauseInstanceOf(ConnectException.class);
  }

  private static TitlePublished title(String id, String name) {
    return new TitlePublished(
        TitlePublished.SCHEMA_VERSION,
        id,
        TitleType.MOVIE,
        name,
        List.of(),
        2020,
        95,
        null,
        List.of("Drama"),
        List.of(),
        List.of(),
        List.of("NL"),
        List.of("nl"),
        null,
        "A quiet drama about " + name + ".",
        null,
        List.of(),
        Instant.parse("2024-01-01T00:00:00Z"));
  }

  /**
   * The real store, reached over a connection that drops: a batch write fails, and so does every
   * write that includes the unlucky title (the connection was refused when its turn came).
   */
  private record DroppingStore(VectorStore real, String unlucky) implements VectorStore {

    @Override
    public void upsert(List<StoredTitle> titles) {
      if (titles.size() > 1 || titles.stream().anyMatch(t -> t.titleId().equals(unlucky))) {
        throw refused();
      }
      real.upsert(titles);
    }

    @Override
    public void bindModel(String modelId, int dimension) {
      real.bindModel(modelId, dimension);
    }

    @Override
    public void bindIndex(String modelId, int dimension) {
      real.bindIndex(modelId, dimension);
    }

    @Override
    public void promote() {
      real.promote();
    }

    @Override
    public Optional<String> liveModel() {
      return real.liveModel();
    }

    @Override
    public Optional<String> modelId() {
      return real.modelId();
    }

    @Override
    public void delete(Collection<String> titleIds) {
      real.delete(titleIds);
    }

    @Override
    public Map<String, StoredTitle> get(Collection<String> titleIds) {
      return real.get(titleIds);
    }

    @Override
    public List<ScoredTitle> search(float[] vector, int k, TitleFilter filter) {
      return real.search(vector, k, filter);
    }

    @Override
    public void forEach(Consumer<StoredTitle> visitor) {
      real.forEach(visitor);
    }

    @Override
    public long count() {
      return real.count();
    }

    @Override
    public void close() {}
  }
}
