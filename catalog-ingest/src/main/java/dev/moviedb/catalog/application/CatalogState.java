package dev.moviedb.catalog.application;

import dev.moviedb.catalogfiles.CatalogTitle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last published record of every title: what imports diff against, so that only real changes
 * are published. It is rebuilt from the compacted {@code catalog.titles} topic at start-up, so it
 * survives restarts without a database of its own.
 */
@ApplicationScoped
public class CatalogState {

  private final Map<String, CatalogTitle> titles = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  public Optional<CatalogTitle> get(String titleId) {
    return Optional.ofNullable(titles.get(titleId));
  }

  public void put(CatalogTitle title) {
    titles.put(title.titleId(), title);
  }

  public void remove(String titleId) {
    titles.remove(titleId);
  }

  public Collection<CatalogTitle> all() {
    return List.copyOf(titles.values());
  }

  public int size() {
    return titles.size();
  }

  public boolean isLoaded() {
    return loaded;
  }

  public void markLoaded() {
    loaded = true;
  }
}
