package dev.moviedb.vectors.config;

import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.embedding.OllamaEmbedder;
import dev.moviedb.vectors.embedding.QueryBatcher;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.vectors.store.lucene.LuceneVectorStore;
import dev.moviedb.vectors.store.qdrant.QdrantVectorStore;
import java.util.Locale;

/** Builds the configured adapters; services call it from their CDI producers. */
public final class VectorsFactory {

  private VectorsFactory() {}

  public static TextEmbedder embedder(VectorsConfig.Embedding config) {
    return embedder(config, config.model());
  }

  /** The configured provider with another model (recommend-api follows a promoted index). */
  public static TextEmbedder embedder(VectorsConfig.Embedding config, String model) {
    return switch (config.provider().toLowerCase(Locale.ROOT)) {
      case "in-process" ->
          new InProcessEmbedder(
              EmbeddingModels.byId(model), config.parallelSessions(), config.intraOpThreads());
      case "ollama" ->
          new OllamaEmbedder(
              config.ollama().baseUrl(),
              model,
              config.ollama().timeout(),
              config.ollama().maxRetries(),
              config.ollama().queryPrefix().orElse(""),
              config.ollama().documentPrefix().orElse(""));
      default ->
          throw new IllegalArgumentException(
              "moviedb.embedding.provider '"
                  + config.provider()
                  + "' is unknown (expected in-process or ollama)");
    };
  }

  /**
   * The configured provider and model for a service that embeds its requests' queries: with
   * micro-batching when {@code query-batch.max-size} is above 1.
   */
  public static TextEmbedder queryEmbedder(VectorsConfig.Embedding config, String model) {
    TextEmbedder embedder = embedder(config, model);
    VectorsConfig.QueryBatch batch = config.queryBatch();
    return batch.maxSize() <= 1
        ? embedder
        : new QueryBatcher(embedder, batch.maxSize(), batch.maxWait(), config.parallelSessions());
  }

  /**
   * Opens the configured store and binds it to the embedder's model, failing fast with a clear
   * message when the live vectors belong to another model. A writer configured as {@code staging}
   * builds its model's index beside the live one instead (a re-embed), until it is promoted.
   *
   * @param writer true for the one process that writes (the embedding worker)
   */
  public static VectorStore store(
      VectorsConfig.Store config, TextEmbedder embedder, boolean writer) {
    VectorStore store = open(config, writer);
    if (writer && config.staging()) {
      store.bindIndex(embedder.modelId(), embedder.dimension());
    } else {
      store.bindModel(embedder.modelId(), embedder.dimension());
    }
    return store;
  }

  /** Opens the configured store without binding it to a model. */
  public static VectorStore open(VectorsConfig.Store config, boolean writer) {
    return switch (config.kind().toLowerCase(Locale.ROOT)) {
      case "embedded" ->
          writer
              ? LuceneVectorStore.forWriting(config.path())
              : LuceneVectorStore.forReading(config.path(), config.refresh().toMillis());
      case "qdrant" ->
          new QdrantVectorStore(
              config.qdrant().host(),
              config.qdrant().port(),
              config.qdrant().tls(),
              config.qdrant().apiKey().orElse(null),
              config.qdrant().alias(),
              config.qdrant().timeout(),
              writer);
      default ->
          throw new IllegalArgumentException(
              "moviedb.vector-store.kind '"
                  + config.kind()
                  + "' is unknown (expected embedded or qdrant)");
    };
  }
}
