package dev.moviedb.vectors.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;

/**
 * A model that remembers the vectors of recent queries: a request repeated (another page, a
 * refresh, a popular phrasing) skips the model. Queries compare without case or surrounding
 * whitespace; documents are never cached.
 */
public final class QueryCache implements TextEmbedder, AutoCloseable {

  private final TextEmbedder model;
  private final Cache<String, float[]> vectors;

  public QueryCache(TextEmbedder model, int size) {
    this.model = model;
    this.vectors = Caffeine.newBuilder().maximumSize(size).build();
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
    String query = text.strip();
    return vectors.get(query.toLowerCase(Locale.ROOT), k -> model.embedQuery(query));
  }

  @Override
  public void close() throws Exception {
    if (model instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
