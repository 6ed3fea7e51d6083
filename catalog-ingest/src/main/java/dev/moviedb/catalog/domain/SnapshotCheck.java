package dev.moviedb.catalog.domain;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a snapshot file holds, counted before any of it is applied. A snapshot removes every title
 * of its source that it does not list, so a file whose rows were mostly rejected (the export gained
 * a field, the wrong format was named) or whose rows belong to another source would remove titles
 * that are still offered; {@link SnapshotPolicy} says when that is.
 *
 * @param source the source the snapshot replaces
 * @param rows the rows read
 * @param rejected the rows that cannot be imported (invalid, or a duplicate id)
 * @param otherSources rows of other sources, by source
 * @param titlesOfSource the titles of the source in the catalogue now (what a snapshot may remove)
 */
public record SnapshotCheck(
    String source, long rows, long rejected, Map<String, Long> otherSources, long titlesOfSource) {

  public SnapshotCheck {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a snapshot names its source");
    }
    if (rows < 0 || rejected < 0 || rejected > rows || titlesOfSource < 0) {
      throw new IllegalArgumentException(
          "impossible counts: " + rejected + " of " + rows + " rows rejected");
    }
    otherSources = Map.copyOf(otherSources);
  }

  /** The rows that belong to another source than {@link #source}. */
  public long foreignRows() {
    return otherSources.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The share of rejected rows, in percent (0 for an empty file). */
  public double rejectedPercent() {
    return rows == 0 ? 0 : 100.0 * rejected / rows;
  }

  /** The rows of other sources, as "12 of disney, 3 of prime". */
  public String describeOtherSources() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(otherSources)
        .forEach(
            (src, n) ->
                out.append(out.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%,d of %s", n, src)));
    return out.toString();
  }
}
