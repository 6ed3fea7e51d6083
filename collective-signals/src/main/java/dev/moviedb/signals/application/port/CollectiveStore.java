package dev.moviedb.signals.application.port;

import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Outcome;
import java.util.List;

/**
 * Port: where the collective state lives. Every call may be repeated: the store is idempotent, and
 * a call that throws is an outage (the caller waits and tries again), never bad input.
 */
public interface CollectiveStore {

  Outcome apply(List<Change> changes);

  /** Recomputes up to {@code max} top lists whose counts changed; returns how many. */
  int refreshDirty(int max);

  /** Recomputes every top list; returns how many. */
  int refreshAll();
}
