package dev.moviedb.taste.application;

import dev.moviedb.events.TasteSignalResolved;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.application.port.TasteStore.Outcome;
import dev.moviedb.tastestate.Contribution;
import dev.moviedb.tastestate.SignalWeights;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Use case: folds one resolved (or unresolved) signal into the user's taste state. */
@ApplicationScoped
public class ApplyTasteSignal {

  private static final Logger LOG = Logger.getLogger(ApplyTasteSignal.class);

  private final TasteStore store;
  private final SignalWeights weights;

  public ApplyTasteSignal(TasteStore store, SignalWeights weights) {
    this.store = store;
    this.weights = weights;
  }

  /** Applies the signal; an invalid one throws IllegalArgumentException (dead-letter topic). */
  public Outcome apply(TasteSignalResolved s) {
    if (s == null) {
      throw new IllegalArgumentException("empty taste signal");
    }
    require(s.userId(), "userId");
    require(s.eventId(), "eventId");
    if (!s.resolved()) {
      String raw = s.rawTitle() != null && !s.rawTitle().isBlank() ? s.rawTitle() : s.title();
      require(raw, "rawTitle");
      return store.applyUnresolved(s.userId(), s.eventId(), raw);
    }
    require(s.titleId(), "titleId");
    require(s.modelId(), "modelId");
    if (s.vector() == null || s.vector().length == 0) {
      throw new IllegalArgumentException("resolved signal " + s.eventId() + " has no vector");
    }
    Contribution c = weights.of(s.signal(), s.watchedSeconds(), s.occurredAt());
    Outcome outcome =
        store.apply(
            new TasteStore.Update(
                s.userId(),
                s.eventId(),
                s.titleId(),
                c.side(),
                c.weight(),
                s.vector(),
                s.signal(),
                s.occurredAt().toEpochMilli(),
                s.modelId(),
                s.genres() == null ? java.util.List.of() : s.genres()));
    if (outcome == Outcome.APPLIED_AFTER_MODEL_RESET) {
      LOG.infof(
          "taste of user %s reset: signal %s comes from model %s, unlike the stored state",
          s.userId(), s.eventId(), s.modelId());
    }
    return outcome;
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("taste signal without " + field);
    }
  }
}
