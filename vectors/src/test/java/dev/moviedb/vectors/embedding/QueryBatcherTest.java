package dev.moviedb.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.moviedb.vectors.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Micro-batching over the real in-process model, as recommend-api runs it. */
class QueryBatcherTest extends TextEmbedderContractTest {

  private static InProcessEmbedder model;
  private static QueryBatcher batcher;

  private static final List<String> QUERIES =
      List.of(
          "a thriller from the nineties under two hours",
          "een spannende serie uit Nederland",
          "a heist movie with a clever twist",
          "animated film about a lost toy",
          "korean zombie outbreak on a train",
          "a documentary about climbing without ropes",
          "a slow romantic drama set in Tokyo",
          "space opera with a young hero and an evil empire",
          "a british crime series about a gang after the first world war",
          "stand-up comedy special",
          "a cooking competition",
          "a true crime docuseries about a cult",
          "a coming of age story in the eighties with kids on bikes",
          "a courtroom drama",
          "a samurai epic",
          "a cartoon for young kids about trucks");

  @BeforeAll
  static void load() {
    model = new InProcessEmbedder(EmbeddingModels.BGE_SMALL_EN_V15_Q, 1, 2);
    batcher = new QueryBatcher(model, 8, Duration.ofMillis(20), 1);
  }

  @AfterAll
  static void close() throws Exception {
    batcher.close();
  }

  @Override
  protected TextEmbedder embedder() {
    return batcher;
  }

  @Test
  void concurrentCallers_eachGetTheirOwnQuerysVector_andShareCallsOfTheModel() throws Exception {
    List<float[]> alone = QUERIES.stream().map(model::embedQuery).toList();
    QueryBatcher.Stats before = batcher.stats();
    ExecutorService callers = Executors.newFixedThreadPool(QUERIES.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<float[]>> answers = new ArrayList<>();
      for (String q : QUERIES) {
        answers.add(
            callers.submit(
                () -> {
                  start.await();
                  return batcher.embedQuery(q);
                }));
      }
      start.countDown();
      for (int i = 0; i < QUERIES.size(); i++) {
        float[] v = answers.get(i).get();
        assertThat(Vectors.dot(v, alone.get(i))).isCloseTo(1.0, offset(SAME_QUERY));
        for (int j = 0; j < QUERIES.size(); j++) {
          if (j != i) { // its own query's vector, not a neighbour's from the same batch
            assertThat(Vectors.dot(v, alone.get(j))).isLessThan(Vectors.dot(v, alone.get(i)));
          }
        }
      }
    } finally {
      callers.shutdownNow();
    }
    QueryBatcher.Stats after = batcher.stats();
    long queries = after.queries() - before.queries();
    long calls = after.batches() - before.batches();
    assertThat(queries).isEqualTo(QUERIES.size());
    assertThat(calls).isLessThan(queries).isGreaterThanOrEqualTo(queries / 8);
  }

  @Test
  void aQueryTheModelRefuses_failsOnlyItsCaller() throws Exception {
    // MiniLM has no query prefix, so a blank query is no text at all.
    InProcessEmbedder miniLm = new InProcessEmbedder(EmbeddingModels.ALL_MINILM_L6_V2_Q, 1, 1);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try (QueryBatcher batched = new QueryBatcher(miniLm, 8, Duration.ofMillis(200), 1)) {
      CountDownLatch start = new CountDownLatch(1);
      Future<float[]> first = callers.submit(() -> awaitThen(start, batched, QUERIES.get(0)));
      Future<float[]> blank = callers.submit(() -> awaitThen(start, batched, "   "));
      Future<float[]> last = callers.submit(() -> awaitThen(start, batched, QUERIES.get(1)));
      start.countDown();

      assertThat(Vectors.dot(first.get(), miniLm.embedQuery(QUERIES.get(0))))
          .isCloseTo(1.0, offset(SAME_QUERY));
      assertThat(Vectors.dot(last.get(), miniLm.embedQuery(QUERIES.get(1))))
          .isCloseTo(1.0, offset(SAME_QUERY));
      assertThatThrownBy(blank::get).isInstanceOf(ExecutionException.class);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aClosedBatcher_refusesQueriesWithAClearError() throws Exception {
    QueryBatcher closed =
        new QueryBatcher(
            new InProcessEmbedder(EmbeddingModels.ALL_MINILM_L6_V2_Q, 1, 1), 4, Duration.ZERO, 1);
    closed.close();

    assertThatThrownBy(() -> closed.embedQuery("anything"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("all-minilm-l6-v2-q was closed");
  }

  private static float[] awaitThen(CountDownLatch start, TextEmbedder embedder, String query)
      throws Exception {
    start.await();
    return embedder.embedQuery(query);
  }
}
