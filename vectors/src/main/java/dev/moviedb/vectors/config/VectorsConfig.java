package dev.moviedb.vectors.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Which embedding model ({@code moviedb.embedding.*}) and which vector store ({@code
 * moviedb.vector-store.*}) a service uses. Two mappings, so that other {@code moviedb.*} keys stay
 * free for each service's own configuration.
 */
public interface VectorsConfig {

  /** The embedding model. */
  @ConfigMapping(prefix = "moviedb.embedding")
  interface Embedding {
    /** {@code in-process} (ONNX model in this JVM) or {@code ollama}. */
    @WithDefault("in-process")
    String provider();

    /**
     * In-process: {@code bge-small-en-v1.5-q} or {@code all-minilm-l6-v2-q}; Ollama: its model
     * name.
     */
    @WithDefault("bge-small-en-v1.5-q")
    String model();

    /** In-process: texts embedded at once. Cores used = parallel sessions x intra-op threads. */
    @WithDefault("2")
    int parallelSessions();

    /** In-process: ONNX Runtime threads inside one embedding call. */
    @WithDefault("1")
    int intraOpThreads();

    /** How a service that answers requests embeds their queries (recommend-api). */
    QueryBatch queryBatch();

    Ollama ollama();
  }

  /**
   * Micro-batching of queries ({@code moviedb.embedding.query-batch.*}): concurrent queries
   * embedded in one call of the model, {@code parallel-sessions} batches at once. Off by default:
   * each query is embedded on its caller's thread.
   */
  interface QueryBatch {
    /** Most queries in one call; 1 turns micro-batching off. */
    @WithDefault("1")
    int maxSize();

    /** Longest a query waits for others to join its batch. */
    @WithDefault("PT0.002S")
    Duration maxWait();
  }

  /** The Ollama server, when the provider is {@code ollama}. */
  interface Ollama {
    @WithDefault("http://localhost:11434")
    String baseUrl();

    @WithDefault("PT60S")
    Duration timeout();

    @WithDefault("3")
    int maxRetries();

    Optional<String> queryPrefix();

    Optional<String> documentPrefix();
  }

  /** The vector store. */
  @ConfigMapping(prefix = "moviedb.vector-store")
  interface Store {
    /** {@code embedded} (Lucene index in a local directory) or {@code qdrant}. */
    @WithDefault("embedded")
    String kind();

    /** Embedded: the directory of the index, shared by the worker and recommend-api. */
    @WithDefault(".moviedb/data/vectors")
    Path path();

    /**
     * Writer only: build this model's index (collection) beside the live one without serving it,
     * until it is promoted ({@code POST /v1/index/promote} on the worker). Used by a re-embed.
     */
    @WithDefault("false")
    boolean staging();

    /**
     * Embedded, writer: also build Lucene's HNSW graph. Worth it only for catalogues above about
     * 50,000 titles, where the exact scan gets slow; below, it costs indexing CPU for nothing.
     */
    @WithDefault("false")
    boolean graph();

    /** Embedded, read-only side: how often to look for the writer's new commits. */
    @WithDefault("PT1S")
    Duration refresh();

    Qdrant qdrant();
  }

  /** The Qdrant server, when the kind is {@code qdrant}. */
  interface Qdrant {
    @WithDefault("localhost")
    String host();

    @WithDefault("6334")
    int port();

    @WithDefault("false")
    boolean tls();

    Optional<String> apiKey();

    /** The alias clients use; collections are named alias_model_dimension. */
    @WithDefault("titles")
    String alias();

    @WithDefault("PT10S")
    Duration timeout();
  }
}
