package dev.moviedb.signals.application;

import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Erase;
import dev.moviedb.collective.redis.CollectiveWriter.Outcome;
import dev.moviedb.collective.redis.CollectiveWriter.Watch;
import dev.moviedb.signals.application.port.CollectiveStore;
import dev.moviedb.signals.domain.Intake.Count;
import dev.moviedb.signals.domain.Intake.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Use case: applies the meaning of a poll of watch events to the collective state. A user's
 * counting watches become one change; an erasure ends what came before it. When the store cannot be
 * reached the use case waits and tries the same changes again (backoff doubling up to a maximum)
 * until it can: an outage pauses consumption, it never drops or dead-letters a good event.
 */
public final class ApplyWatchEvents {

  private static final Logger LOG = Logger.getLogger(ApplyWatchEvents.class);

  private final CollectiveStore store;
  private final Duration firstPause;
  private final Duration longestPause;
  private final Consumer<Duration> sleep;

  public ApplyWatchEvents(
      CollectiveStore store, Duration firstPause, Duration longestPause, Consumer<Duration> sleep) {
    this.store = store;
    this.firstPause = firstPause;
    this.longestPause = longestPause;
    this.sleep = sleep;
  }

  /** What one poll did: counted watches, ignored records, erasures, outage retries. */
  public record Result(int counted, int ignored, int erased, int retries, Outcome outcome) {}

  public Result apply(List<Decision> decisions) {
    List<Change> changes = changes(decisions);
    int counted = (int) decisions.stream().filter(d -> d instanceof Count).count();
    int erased = (int) changes.stream().filter(c -> c instanceof Erase).count();
    int ignored = decisions.size() - counted - erased;
    if (changes.isEmpty()) {
      return new Result(0, ignored, 0, 0, new Outcome(0, 0, 0, 0));
    }
    Duration pause = firstPause;
    for (int retries = 0; ; retries++) {
      try {
        Outcome outcome = store.apply(changes);
        if (retries > 0) {
          LOG.infof("the collective store is back after %d retries", retries);
        }
        return new Result(counted, ignored, erased, retries, outcome);
      } catch (RuntimeException outage) {
        LOG.warnf(
            "cannot reach the collective store (%s); trying the same %d changes again in %s",
            outage.getMessage() == null ? outage.toString() : outage.getMessage(),
            changes.size(),
            pause);
        sleep.accept(pause);
        pause =
            pause.multipliedBy(2).compareTo(longestPause) > 0
                ? longestPause
                : pause.multipliedBy(2);
      }
    }
  }

  /**
   * The decisions as store changes, in order: consecutive counting watches of each user gathered
   * into one change per user until an erasure, which flushes them first.
   */
  static List<Change> changes(List<Decision> decisions) {
    List<Change> out = new ArrayList<>();
    Map<String, List<Watched>> run = new LinkedHashMap<>();
    for (Decision d : decisions) {
      if (d instanceof Count c) {
        run.computeIfAbsent(c.userId(), u -> new ArrayList<>()).add(c.watched());
      } else if (d instanceof dev.moviedb.signals.domain.Intake.Erase e) {
        run.forEach((user, watched) -> out.add(new Watch(user, watched)));
        run.clear();
        out.add(new Erase(e.userId()));
      }
    }
    run.forEach((user, watched) -> out.add(new Watch(user, watched)));
    return out;
  }
}
