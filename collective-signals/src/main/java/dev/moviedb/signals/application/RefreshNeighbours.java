package dev.moviedb.signals.application;

import dev.moviedb.signals.application.port.CollectiveStore;
import org.jboss.logging.Logger;

/**
 * Use case: keeps the top neighbour lists current. Often: the lists of titles whose counts changed
 * (bounded per run). Now and then: every list, since a title's count also moves its score in lists
 * that none of its events touched. An outage skips a run; the next run catches up.
 */
public final class RefreshNeighbours {

  private static final Logger LOG = Logger.getLogger(RefreshNeighbours.class);

  private final CollectiveStore store;
  private final int perRun;

  public RefreshNeighbours(CollectiveStore store, int perRun) {
    this.store = store;
    this.perRun = perRun;
  }

  /** Refreshes changed lists until none is left or a run's bound is reached; returns how many. */
  public int changed() {
    try {
      return store.refreshDirty(perRun);
    } catch (RuntimeException outage) {
      LOG.debugf("neighbour refresh skipped: %s", outage.getMessage());
      return 0;
    }
  }

  public int all() {
    try {
      int n = store.refreshAll();
      LOG.infof("refreshed the neighbours of %d titles", n);
      return n;
    } catch (RuntimeException outage) {
      LOG.warnf("full neighbour refresh skipped: %s", outage.getMessage());
      return 0;
    }
  }
}
