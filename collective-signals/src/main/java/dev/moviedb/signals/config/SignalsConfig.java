package dev.moviedb.signals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Every knob of collective-signals, under {@code moviedb.signals}. The bounds change the meaning of
 * the stored state: change them with a fresh state (replay the topic).
 */
@ConfigMapping(prefix = "moviedb.signals")
public interface SignalsConfig {

  /** N: a title pairs with the user's N titles watched before and after it. */
  @WithDefault("10")
  int pairReach();

  /** L: titles kept per user for co-watch (the most recent). */
  @WithDefault("200")
  int recentTitles();

  /** M: popularity contributions kept per user (the most recent). */
  @WithDefault("1000")
  int contributions();

  /** K: neighbours kept per title. */
  @WithDefault("50")
  int neighbours();

  /** The fewest distinct users behind a published number (trending title, co-watch pair). */
  @WithDefault("3")
  int minUsers();

  /** count, cosine, jaccard or pmi (docs/SIGNALS.md measures them). */
  @WithDefault("cosine")
  String similarity();

  /** How often the changed neighbour lists are recomputed (read by the scheduler). */
  @WithDefault("5s")
  Duration refreshEvery();

  /** How often every neighbour list is recomputed (read by the scheduler). */
  @WithDefault("1h")
  Duration refreshAllEvery();

  /** Changed neighbour lists recomputed per scheduled run. */
  @WithDefault("500")
  int refreshPerRun();

  /**
   * First pause after a failed batch (Redis or the broker does not answer); doubles up to {@link
   * #longestPause()}.
   */
  @WithDefault("500ms")
  Duration firstPause();

  @WithDefault("15s")
  Duration longestPause();
}
