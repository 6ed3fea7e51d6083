package dev.moviedb.recommend.application;

import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.recommend.application.port.AcceptanceStore;
import dev.moviedb.recommend.application.port.AcceptanceStore.Counted;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Use case: counts the feedback of {@code user.feedback} per experiment, variant and kind, once per
 * record, in the shared store (what {@code GET /v1/metrics/acceptance} reports) and in Prometheus
 * ({@code moviedb_feedback_total{experiment, variant, kind}}, incremented only for records counted
 * now, so the sum over instances is exact too).
 */
@ApplicationScoped
public class MeasureAcceptance {

  /** A record of the topic: its place, and its feedback (null when unreadable). */
  public record Received(String partition, long offset, FeedbackGiven feedback) {}

  private final AcceptanceStore store;
  private final MeterRegistry meters;

  public MeasureAcceptance(AcceptanceStore store, MeterRegistry meters) {
    this.store = store;
    this.meters = meters;
  }

  /** Counts a batch; returns how many records were counted now (not before, and readable). */
  public int count(List<Received> batch) {
    List<Counted> records = new ArrayList<>(batch.size());
    for (Received r : batch) {
      FeedbackGiven f = r.feedback();
      boolean countable =
          f != null && f.kind() != null && f.variant() != null && f.experiment() != null;
      records.add(
          new Counted(
              r.partition(),
              r.offset(),
              countable ? f.experiment() : null,
              countable ? f.variant() : null,
              countable ? f.kind() : null));
    }
    List<Boolean> now = store.count(records);
    int counted = 0;
    for (int i = 0; i < records.size(); i++) {
      Counted c = records.get(i);
      if (now.get(i) && c.kind() != null) {
        counted++;
        meters
            .counter(
                "moviedb.feedback",
                "experiment",
                c.experiment(),
                "variant",
                c.variant(),
                "kind",
                c.kind().name().toLowerCase(Locale.ROOT))
            .increment();
      }
    }
    return counted;
  }
}
