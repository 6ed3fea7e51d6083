package dev.moviedb.vectors.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The in-process models MovieDB ships, and what each expects around its inputs. */
public enum EmbeddingModels {
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      384,
      "Represent this sentence for searching relevant passages: ",
      "",
      "/bge-small-en-v1.5-q.onnx",
      "/bge-small-en-v1.5-q-tokenizer.json",
      PoolingMode.CLS),
  ALL_MINILM_L6_V2_Q(
      "all-minilm-l6-v2-q",
      384,
      "",
      "",
      "/all-minilm-l6-v2-q.onnx",
      "/all-minilm-l6-v2-q-tokenizer.json",
      PoolingMode.MEAN);

  private final String id;
  private final int dimension;
  private final String queryPrefix;
  private final String documentPrefix;
  private final String modelResource;
  private final String tokenizerResource;
  private final PoolingMode pooling;

  EmbeddingModels(
      String id,
      int dimension,
      String queryPrefix,
      String documentPrefix,
      String modelResource,
      String tokenizerResource,
      PoolingMode pooling) {
    this.id = id;
    this.dimension = dimension;
    this.queryPrefix = queryPrefix;
    this.documentPrefix = documentPrefix;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.pooling = pooling;
  }

  String modelResource() {
    return modelResource;
  }

  String tokenizerResource() {
    return tokenizerResource;
  }

  PoolingMode pooling() {
    return pooling;
  }

  public String id() {
    return id;
  }

  public int dimension() {
    return dimension;
  }

  public String queryPrefix() {
    return queryPrefix;
  }

  public String documentPrefix() {
    return documentPrefix;
  }

  public static EmbeddingModels byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(m -> m.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown in-process embedding model '"
                        + id
                        + "'; choose one of "
                        + Arrays.stream(values())
                            .map(EmbeddingModels::id)
                            .collect(Collectors.joining(", "))));
  }
}
