package dev.moviedb.recommend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * The running A/B test of ranking variants ({@code moviedb.experiment.*}). Starting a test is a
 * configuration change: a new {@code name} (which shuffles the users again and starts fresh counts)
 * and the variants, e.g.
 *
 * <pre>
 * moviedb.experiment.name=alpha-2026-12
 * moviedb.experiment.variants.control.weight=1
 * moviedb.experiment.variants.words-first.weight=1
 * moviedb.experiment.variants.words-first.alpha=0.8
 * </pre>
 *
 * Without variants every signed-in user gets one variant, {@code control}, with the defaults.
 */
@ConfigMapping(prefix = "moviedb.experiment")
public interface ExperimentConfig {

  /** The experiment's name: part of the hash that assigns users, and of the counts' key. */
  @WithDefault("baseline")
  String name();

  /** The variants by name. */
  Map<String, VariantConfig> variants();

  /** One variant: its share of the users (relative weight) and the knobs it sets. */
  interface VariantConfig {

    @WithDefault("1")
    int weight();

    Optional<Double> alpha();

    Optional<Double> diversity();

    Optional<Double> collaborative();

    Optional<Double> popularity();
  }
}
