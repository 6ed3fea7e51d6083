package dev.moviedb.cli.bench;

import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The raw model's speed, the ceiling a pipeline figure is set against: the model alone embeds the
 * catalogue's document texts in this JVM, with the sessions, threads and batches the worker uses. A
 * picocli mixin: its options belong to the benchmarks that use it.
 */
public final class RawModel {

  @Option(
      names = "--parallel-sessions",
      defaultValue = "2",
      description = "as the worker is configured (moviedb.embedding.parallel-sessions)")
  int parallelSessions;

  @Option(
      names = "--intra-op-threads",
      defaultValue = "1",
      description = "as the worker is configured (moviedb.embedding.intra-op-threads)")
  int intraOpThreads;

  @Option(names = "--batch", defaultValue = "512", description = "texts per embedding call")
  int batch;

  /** Titles per second of the model over these texts, after a short warm-up. */
  double titlesPerSecond(String model, List<String> texts) {
    try (InProcessEmbedder embedder =
        new InProcessEmbedder(EmbeddingModels.byId(model), parallelSessions, intraOpThreads)) {
      embedder.embedDocuments(texts.subList(0, Math.min(32, texts.size()))); // warm up
      long start = System.nanoTime();
      for (int i = 0; i < texts.size(); i += batch) {
        embedder.embedDocuments(texts.subList(i, Math.min(texts.size(), i + batch)));
      }
      return texts.size() / ((System.nanoTime() - start) / 1e9);
    }
  }
}
