package dev.moviedb.recommend.application;

import dev.moviedb.ranking.RankingRequest.Knobs;
import dev.moviedb.recommend.domain.Experiment;
import dev.moviedb.recommend.domain.Variant;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which ranking variant serves a request: the signed-in user's variant of the running experiment;
 * for a request without a user the defaults ({@code anonymous}); for a request that set a knob
 * itself, what it set ({@code explicit}). Counts the lists each variant served ({@code
 * moviedb_recommendations_served_total}).
 */
@ApplicationScoped
public class RankingVariants {

  /** The experiment and variant that serve a request, and the knobs they set. */
  public record Chosen(String experiment, String variant, Knobs knobs) {}

  private final Experiment experiment;
  private final MeterRegistry meters;

  public RankingVariants(Experiment experiment, MeterRegistry meters) {
    this.experiment = experiment;
    this.meters = meters;
  }

  public Chosen choose(String userId, Knobs explicit) {
    Chosen chosen;
    if (explicit != null && !explicit.equals(Knobs.DEFAULTS)) {
      chosen = new Chosen(experiment.name(), Experiment.EXPLICIT, explicit);
    } else if (userId == null || userId.isBlank()) {
      chosen = new Chosen(experiment.name(), Experiment.ANONYMOUS, Knobs.DEFAULTS);
    } else {
      Variant v = experiment.assign(userId);
      chosen =
          new Chosen(
              experiment.name(),
              v.name(),
              new Knobs(v.alpha(), v.diversity(), v.collaborative(), v.popularity()));
    }
    meters
        .counter(
            "moviedb.recommendations.served",
            "experiment",
            chosen.experiment(),
            "variant",
            chosen.variant())
        .increment();
    return chosen;
  }

  public Experiment experiment() {
    return experiment;
  }
}
