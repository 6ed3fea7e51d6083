package dev.moviedb.ranking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moviedb.vectors.store.StoredTitle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One title per franchise: walking a list best first, a title whose franchise ({@link
 * FranchiseKey}) is already represented is dropped, so "Vikings" and "Vikings: Valhalla" do not
 * fill two places of a short list. The franchise of "more like this"'s own title counts as
 * represented.
 */
public final class Collapse {

  private final Cache<String, String> keys = Caffeine.newBuilder().maximumSize(200_000).build();

  /**
   * The best title of each franchise among {@code sorted}, in order, until {@code enough} are kept.
   */
  public <T> List<T> bestPerFranchise(
      List<T> sorted, Function<T, StoredTitle> title, StoredTitle seed, int enough) {
    Set<String> seen = new HashSet<>();
    if (seed != null) {
      seen.add(key(seed));
    }
    List<T> kept = new ArrayList<>();
    for (T item : sorted) {
      if (kept.size() >= enough) {
        break;
      }
      if (seen.add(key(title.apply(item)))) {
        kept.add(item);
      }
    }
    return kept;
  }

  /**
   * The franchise key, derived once per distinct franchise field and name (a title without either
   * gets its own key from its id, so it is not cached under a shared empty name).
   */
  public String key(StoredTitle t) {
    if (t.title() == null || t.title().isBlank()) {
      return FranchiseKey.of(t);
    }
    return keys.get(
        (t.franchise() == null ? "" : t.franchise()) + '\u0000' + t.title(),
        k -> FranchiseKey.of(t));
  }
}
