package dev.moviedb.ranking;

import dev.moviedb.vectors.store.ScoredTitle;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The titles of one vector store under one request's hard filters: how recommend-api and the
 * evaluation give the ranking its {@link TitleSource}.
 */
public final class StoreTitles implements TitleSource {

  private final VectorStore store;
  private final TitleFilter filter;
  private final CalibrationSamples samples;

  public StoreTitles(VectorStore store, TitleFilter filter, CalibrationSamples samples) {
    this.store = store;
    this.filter = filter;
    this.samples = samples;
  }

  @Override
  public List<List<StoredTitle>> nearest(List<float[]> vectors, int k) {
    return store.searchEach(vectors, k, filter).stream()
        .map(list -> list.stream().map(ScoredTitle::title).toList())
        .toList();
  }

  @Override
  public Map<String, StoredTitle> get(Collection<String> titleIds) {
    return store.get(titleIds);
  }

  @Override
  public Map<String, StoredTitle> admissible(Collection<String> titleIds) {
    Map<String, StoredTitle> out = new LinkedHashMap<>();
    store
        .get(titleIds)
        .forEach(
            (id, t) -> {
              if (filter.accepts(t)) {
                out.put(id, t);
              }
            });
    return out;
  }

  @Override
  public List<float[]> calibrationSample() {
    return samples.of(store);
  }
}
