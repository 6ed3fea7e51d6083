package dev.moviedb.catalog.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * When a snapshot is applied without being forced: all its rows are of its source, it is not empty
 * while the source has titles, and it rejects at most {@code maxRejectedPercent} of its rows.
 *
 * @param maxRejectedPercent the largest share of rejected rows, in percent, still applied
 */
public record SnapshotPolicy(double maxRejectedPercent) {

  public SnapshotPolicy {
    if (!(maxRejectedPercent >= 0 && maxRejectedPercent <= 100)) {
      throw new IllegalArgumentException(
          "the share of rejected rows a snapshot may have is a percentage from 0 to 100, not "
              + maxRejectedPercent);
    }
  }

  /** Why the snapshot must not be applied unless forced, naming the counts; empty when safe. */
  public Optional<String> refusal(SnapshotCheck check) {
    if (check.foreignRows() > 0) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%,d of %,d rows are not of source %s (%s): a snapshot replaces one source, and"
                  + " applying it would remove the titles of %s it does not list",
              check.foreignRows(),
              check.rows(),
              check.source(),
              check.describeOtherSources(),
              check.source()));
    }
    if (check.rows() == 0 && check.titlesOfSource() > 0) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "the snapshot has no rows: applying it would remove all %,d titles of %s",
              check.titlesOfSource(),
              check.source()));
    }
    if (check.rejectedPercent() > maxRejectedPercent) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%,d of %,d rows (%.1f %%) were rejected, more than the %.1f %% a snapshot may"
                  + " reject: applying it would remove the titles of %s on those rows",
              check.rejected(),
              check.rows(),
              check.rejectedPercent(),
              maxRejectedPercent,
              check.source()));
    }
    return Optional.empty();
  }
}
