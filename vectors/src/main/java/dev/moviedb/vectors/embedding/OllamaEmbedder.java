package dev.moviedb.vectors.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.moviedb.vectors.Vectors;
import java.time.Duration;
import java.util.List;

/**
 * Adapter: any embedding model an Ollama server has pulled (e.g. a multilingual one for Dutch
 * queries). The dimension is learnt from the server at start-up by embedding one probe text.
 */
public final class OllamaEmbedder implements TextEmbedder {

  private final OllamaEmbeddingModel client;
  private final String modelName;
  private final String queryPrefix;
  private final String documentPrefix;
  private final int dimension;

  public OllamaEmbedder(
      String baseUrl,
      String modelName,
      Duration timeout,
      int maxRetries,
      String queryPrefix,
      String documentPrefix) {
    this.client =
        OllamaEmbeddingModel.builder()
            .baseUrl(baseUrl)
            .modelName(modelName)
            .timeout(timeout)
            .maxRetries(maxRetries)
            .build();
    this.modelName = modelName;
    this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
    this.documentPrefix = documentPrefix == null ? "" : documentPrefix;
    this.dimension = client.embed("dimension probe").content().dimension();
  }

  @Override
  public String modelId() {
    return "ollama:" + modelName;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return embed(texts, documentPrefix);
  }

  @Override
  public float[] embedQuery(String text) {
    return embed(List.of(text), queryPrefix).get(0);
  }

  @Override
  public List<float[]> embedQueries(List<String> texts) {
    return texts.isEmpty() ? List.of() : embed(texts, queryPrefix);
  }

  private List<float[]> embed(List<String> texts, String prefix) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
    List<Embedding> embeddings = client.embedAll(segments).content();
    return embeddings.stream().map(e -> Vectors.normalize(e.vector())).toList();
  }
}
