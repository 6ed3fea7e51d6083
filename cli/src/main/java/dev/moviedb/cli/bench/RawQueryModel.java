package dev.moviedb.cli.bench;

import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.embedding.QueryBatcher;
import dev.moviedb.vectors.embedding.TextEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Option;

/**
 * The raw model's query embeddings/s, the ceiling a load figure is set against: the model alone, in
 * this JVM, embeds distinct queries from as many concurrent callers as the load run has clients,
 * configured as recommend-api is (threads, micro-batching), with no HTTP, retrieval or ranking. A
 * picocli mixin: the options must say what recommend-api runs with (its defaults are the shipped
 * settings).
 */
public final class RawQueryModel {

  @Option(
      names = "--parallel-sessions",
      defaultValue = "1",
      description = "as recommend-api is configured (moviedb.embedding.parallel-sessions)")
  int parallelSessions;

  @Option(
      names = "--intra-op-threads",
      defaultValue = "1",
      description = "as recommend-api is configured (moviedb.embedding.intra-op-threads)")
  int intraOpThreads;

  @Option(
      names = "--query-batch-max-size",
      defaultValue = "1",
      description = "as recommend-api is configured (moviedb.embedding.query-batch.max-size)")
  int batchSize;

  @Option(
      names = "--query-batch-max-wait",
      defaultValue = "PT0S",
      description = "as recommend-api is configured (moviedb.embedding.query-batch.max-wait)")
  Duration batchWait;

  @Option(
      names = "--raw-seconds",
      defaultValue = "6",
      description = "duration of each raw model run (${DEFAULT-VALUE})")
  int seconds;

  String describe() {
    return String.format(
        "%d session(s) x %d ONNX thread(s), %s",
        parallelSessions,
        intraOpThreads,
        batchSize <= 1
            ? "no micro-batching"
            : "micro-batches of up to "
                + batchSize
                + " waiting up to "
                + batchWait.toMillis()
                + " ms");
  }

  /** Query embeddings per second at each number of callers, over distinct queries. */
  List<Double> queriesPerSecond(String model, DistinctQueries queries, List<Integer> callers)
      throws Exception {
    InProcessEmbedder onnx =
        new InProcessEmbedder(EmbeddingModels.byId(model), parallelSessions, intraOpThreads);
    TextEmbedder embedder =
        batchSize <= 1 ? onnx : new QueryBatcher(onnx, batchSize, batchWait, parallelSessions);
    AtomicLong next = new AtomicLong(queries.size() / 2); // not the texts the load run sends first
    try {
      for (int i = 0; i < 20; i++) {
        embedder.embedQuery(queries.get(next.getAndIncrement())); // warm up
      }
      List<Double> rates = new ArrayList<>();
      for (int c : callers) {
        rates.add(run(embedder, queries, next, c));
      }
      return rates;
    } finally {
      if (embedder instanceof AutoCloseable closeable) {
        closeable.close();
      } else {
        onnx.close();
      }
    }
  }

  private double run(TextEmbedder embedder, DistinctQueries queries, AtomicLong next, int callers)
      throws InterruptedException {
    LongAdder done = new LongAdder();
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline) {
                  embedder.embedQuery(queries.get(next.getAndIncrement()));
                  done.increment();
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return done.sum() / ((System.nanoTime() - start) / 1e9);
  }
}
