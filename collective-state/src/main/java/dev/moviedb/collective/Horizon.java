package dev.moviedb.collective;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A time horizon of popularity: each contribution counts 2^((day - epoch) / halfLife), so every
 * stored sum carries the same factor 2^(-epoch / halfLife) whatever the order in which events
 * arrive; reading divides it out again ({@link #decayedAt}) to give "viewers, decayed to now".
 *
 * <p>The half-lives: {@link #WEEK} 3 days (a viewing 7 days old counts 0.2, one 14 days old 0.04:
 * the list follows what people watch this week and reacts within a day or two to a release), {@link
 * #MONTH} 14 days (mean age of a contribution 20 days: steady favourites of the last weeks, the
 * cold-start list when the week is thin). Both are measured by event time, never arrival time.
 *
 * <p>Doubles hold 2^1023 at most: with the epoch {@link #EPOCH} the week horizon stays finite until
 * 2034-05 (1023 x 3 days later), the month horizon until 2065. The epoch is part of every key name
 * ({@link #keySuffix()}), so moving it is a new generation of keys, rebuilt by replaying the topic.
 */
public enum Horizon {
  WEEK("week", 3.0),
  MONTH("month", 14.0);

  /** The reference day of the decay factor; part of the key names. */
  public static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);

  private static final long EPOCH_DAY = EPOCH.toEpochDay();
  private static final double MAX_EXPONENT = 1000;

  private final String key;
  private final double halfLifeDays;

  Horizon(String key, double halfLifeDays) {
    this.key = key;
    this.halfLifeDays = halfLifeDays;
  }

  public double halfLifeDays() {
    return halfLifeDays;
  }

  /** {@code week} or {@code month}, as in the reader's API and the REST parameter. */
  public String key() {
    return key;
  }

  /** The key name part of this horizon and epoch, e.g. {@code week:e20260101}. */
  public String keySuffix() {
    return key + ":e" + EPOCH.toString().replace("-", "");
  }

  /** The stored weight of one contribution made on the given day (days since 1970-01-01). */
  public double weight(long epochDay) {
    double exponent = (epochDay - EPOCH_DAY) / halfLifeDays;
    if (exponent > MAX_EXPONENT) {
      throw new IllegalStateException(
          "day "
              + LocalDate.ofEpochDay(epochDay)
              + " is too far past the "
              + key
              + " horizon's epoch "
              + EPOCH
              + ": move Horizon.EPOCH (a new generation of keys) and replay the topic");
    }
    return Math.pow(2.0, exponent);
  }

  /** A stored sum as decayed viewers at {@code now}: sum x 2^(-(now - epoch) / halfLife). */
  public double decayedAt(double stored, Instant now) {
    double days =
        (now.getEpochSecond() - EPOCH.atStartOfDay(ZoneOffset.UTC).toEpochSecond()) / 86_400.0;
    return stored * Math.pow(2.0, -days / halfLifeDays);
  }

  /** The horizon named {@code week} or {@code month} (any case). */
  public static Horizon parse(String name) {
    for (Horizon h : values()) {
      if (h.key.equalsIgnoreCase(name == null ? "" : name.strip())) {
        return h;
      }
    }
    throw new IllegalArgumentException("horizon '" + name + "' is neither week nor month");
  }
}
