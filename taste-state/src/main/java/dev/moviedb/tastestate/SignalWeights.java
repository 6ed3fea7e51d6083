package dev.moviedb.tastestate;

import dev.moviedb.events.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The weight of each signal, with an order-independent time decay: a contribution made at time t is
 * multiplied by 2^((t - reference) / halfLife). The factor grows with t, so recent events count
 * more; since every stored value carries the same reference, the common factor cancels in the
 * cosine whatever the order in which the events arrive.
 */
public record SignalWeights(
    double loved,
    double liked,
    double watched,
    double listed,
    double abandoned,
    double disliked,
    double minWatchedFactor,
    long fullWatchSeconds,
    double halfLifeDays) {

  /** Fixed decay reference (2020-01-01): keeps factors near 1; changing it resets every user. */
  public static final long REFERENCE_EPOCH_SECOND =
      LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

  public static final SignalWeights DEFAULTS =
      new SignalWeights(2.0, 1.5, 1.0, 0.5, 0.5, 1.5, 0.25, 1800, 365);

  public SignalWeights {
    if (!(halfLifeDays > 0)) {
      throw new IllegalArgumentException("halfLifeDays must be > 0");
    }
    if (fullWatchSeconds <= 0) {
      throw new IllegalArgumentException("fullWatchSeconds must be > 0");
    }
  }

  /** The side and the decayed weight of one signal. */
  public Contribution of(Signal signal, Long watchedSeconds, Instant occurredAt) {
    if (signal == null) {
      throw new IllegalArgumentException("signal is missing");
    }
    if (occurredAt == null) {
      throw new IllegalArgumentException("occurredAt is missing");
    }
    Side side = signal == Signal.DISLIKED || signal == Signal.ABANDONED ? Side.NEG : Side.POS;
    double base =
        switch (signal) {
          case LOVED -> loved;
          case LIKED -> liked;
          case WATCHED -> watched * watchedFactor(watchedSeconds);
          case LISTED -> listed;
          case ABANDONED -> abandoned;
          case DISLIKED -> disliked;
        };
    return new Contribution(side, base * decay(occurredAt));
  }

  /** min(1, seconds / fullWatchSeconds), at least {@code minWatchedFactor}; 1 when unknown. */
  double watchedFactor(Long watchedSeconds) {
    if (watchedSeconds == null) {
      return 1.0;
    }
    return Math.max(minWatchedFactor, Math.min(1.0, watchedSeconds / (double) fullWatchSeconds));
  }

  /** 2^((t - reference) / halfLife), t in days. */
  public double decay(Instant occurredAt) {
    double days = (occurredAt.getEpochSecond() - REFERENCE_EPOCH_SECOND) / 86_400.0;
    return Math.pow(2.0, days / halfLifeDays);
  }
}
