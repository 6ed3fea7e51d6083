package dev.moviedb.signals.application;

import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Erase;
import dev.moviedb.collective.redis.CollectiveWriter.Outcome;
import dev.moviedb.collective.redis.CollectiveWriter.Watch;
import dev.moviedb.signals.application.port.CollectiveStore;
import dev.moviedb.signals.domain.Intake.Count;
import dev.moviedb.signals.domain.Intake.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case: applies the meaning of a poll of watch events to the collective state. A user's
 * counting watches become one change; an erasure ends what came before it. When the store cannot be
 * reached the failure is thrown: the consumer tries the same poll again until it can (an outage
 * pauses consumption, it never drops or dead-letters a good event), and applying it again changes
 * nothing.
 */
public final class ApplyWatchEvents {

  private final CollectiveStore store;

  public ApplyWatchEvents(CollectiveStore store) {
    this.store = store;
  }

  /** What one poll did: counted watches, ignored records, erasures. */
  public record Result(int counted, int ignored, int erased, Outcome outcome) {}

  public Result apply(List<Decision> decisions) {
    List<Change> changes = changes(decisions);
    int counted = (int) decisions.stream().filter(d -> d instanceof Count).count();
    int erased = (int) changes.stream().filter(c -> c instanceof Erase).count();
    int ignored = decisions.size() - counted - erased;
    if (changes.isEmpty()) {
      return new Result(0, ignored, 0, new Outcome(0, 0, 0, 0));
    }
    return new Result(counted, ignored, erased, store.apply(changes));
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
