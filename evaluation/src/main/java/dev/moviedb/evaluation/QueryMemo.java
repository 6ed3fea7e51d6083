package dev.moviedb.evaluation;

import dev.moviedb.vectors.embedding.TextEmbedder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose query vectors are kept for the whole run, so that a request evaluated against
 * several document-text forms or fusion settings is embedded once. Documents pass straight through.
 * Not thread-safe; the harness is single-threaded.
 */
final class QueryMemo implements TextEmbedder {

  private final TextEmbedder model;
  private final Map<String, float[]> queries = new HashMap<>();

  QueryMemo(TextEmbedder model) {
    this.model = model;
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return model.embedDocuments(texts);
  }

  @Override
  public float[] embedQuery(String text) {
    return queries.computeIfAbsent(text, model::embedQuery);
  }
}
