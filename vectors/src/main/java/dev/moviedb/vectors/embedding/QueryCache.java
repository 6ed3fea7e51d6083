package dev.moviedb.vectors.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;

/**
 * A model that remembers the vectors of recent queries: a request repeated (another page, a
 * refresh, a popular phrasing) skips the model. Queries compare without case or surrounding
 * whitespace; documents are never cached. Two concurrent first requests for one query both reach
 * the model (a rare duplicate, not a wait).
 */
public final class QueryCache implements TextEmbedder, AutoCloseable {

  private final TextEmbedder model;
  private final Cache<String, float[]> vectors;

  public QueryCache(TextEmbedder model, int size) {
    this.model = model;
    this.vectors = Caffeine.newBuilder().maximumSize(size).recordStats().build();
  }

  /** Queries answered from memory and queries that went to the model, since the start. */
  public record Stats(long hits, long misses) {}

  /** The model behind the cache. */
  public TextEmbedder model() {
    return model;
  }

  public Stats stats() {
    var s = vectors.stats();
    return new Stats(s.hitCount(), s.missCount());
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
    String key = query.toLowerCase(Locale.ROOT);
    float[] known = vectors.getIfPresent(key);
    if (known != null) {
      return known;
    }
    // Embedded outside the cache's lock: a computing get() would hold a lock shared with other keys
    // for the whole model call, and queue distinct concurrent queries behind it (no batch forms).
    float[] vector = model.embedQuery(query);
    vectors.put(key, vector);
    return vector;
  }

  @Override
  public void close() throws Exception {
    if (model instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
