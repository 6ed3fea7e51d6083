package dev.moviedb.recommend.application;

import dev.moviedb.recommend.application.port.AcceptanceStore;
import dev.moviedb.recommend.domain.Acceptance;
import dev.moviedb.recommend.domain.Experiment;
import dev.moviedb.recommend.domain.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case: acceptance of the variants of an experiment side by side: each variant's settings, its
 * counts and its rates. The running experiment lists every variant it has, counted or not; an
 * earlier one lists the variants that were counted.
 */
@ApplicationScoped
public class ReportAcceptance {

  private final AcceptanceStore store;
  private final Experiment experiment;

  public ReportAcceptance(AcceptanceStore store, Experiment experiment) {
    this.store = store;
    this.experiment = experiment;
  }

  /**
   * One variant's line; its settings are null for the reserved variants (anonymous, explicit) and
   * for the variants of an earlier experiment.
   */
  public record Line(String variant, Variant settings, Acceptance acceptance) {}

  /** The experiment's variants, the configured ones first in configuration order. */
  public record Report(String experiment, boolean running, List<Line> variants) {}

  public Report report(String experimentName) {
    String name =
        experimentName == null || experimentName.isBlank() ? experiment.name() : experimentName;
    boolean running = name.equals(experiment.name());
    Map<String, Acceptance> counts = new TreeMap<>(store.of(name));
    List<Line> lines = new ArrayList<>();
    if (running) {
      for (Variant v : experiment.variants()) {
        lines.add(new Line(v.name(), v, counts.getOrDefault(v.name(), Acceptance.NONE)));
        counts.remove(v.name());
      }
    }
    counts.forEach((variant, acceptance) -> lines.add(new Line(variant, null, acceptance)));
    return new Report(name, running, lines);
  }
}
