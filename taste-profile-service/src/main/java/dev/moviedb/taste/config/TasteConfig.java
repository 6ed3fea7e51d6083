package dev.moviedb.taste.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every knob of the taste service, under {@code moviedb.taste}. */
@ConfigMapping(prefix = "moviedb.taste")
public interface TasteConfig {

  /** Half-life of the time decay in days; changing it changes the meaning of stored sums. */
  @WithDefault("365")
  double halfLifeDays();

  /** Viewing sessions shorter than this many seconds are autoplay and give no event. */
  @WithDefault("120")
  long autoplaySeconds();

  /** Largest upload accepted, in bytes (50 MiB). */
  @WithDefault("52428800")
  long maxUploadBytes();

  /** Most rows one CSV file of an export may have. */
  @WithDefault("200000")
  int maxRowsPerFile();

  /** Most characters one field of an export's CSV may have; a row with a longer one is rejected. */
  @WithDefault("1000")
  int maxFieldChars();

  /** Per-signal weights. */
  Weights weights();

  /** How a batch of watch events is tried again while Redis or the broker does not answer. */
  Outage outage();

  interface Outage {

    /** The pause before the first retry; it doubles with every failed retry. */
    @WithDefault("500ms")
    java.time.Duration firstPause();

    /** The longest pause between two retries. */
    @WithDefault("15s")
    java.time.Duration longestPause();
  }

  /** The weight of each signal before the time decay. */
  interface Weights {
    @WithDefault("2.0")
    double loved();

    @WithDefault("1.5")
    double liked();

    @WithDefault("1.0")
    double watched();

    @WithDefault("0.5")
    double listed();

    /** Negative side. */
    @WithDefault("0.5")
    double abandoned();

    /** Negative side. */
    @WithDefault("1.5")
    double disliked();

    /** A WATCHED weight is scaled by min(1, seconds / fullWatchSeconds), at least this. */
    @WithDefault("0.25")
    double minWatchedFactor();

    @WithDefault("1800")
    long fullWatchSeconds();
  }
}
