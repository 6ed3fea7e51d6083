package dev.moviedb.signals.adapter.in.schedule;

import dev.moviedb.signals.application.RefreshNeighbours;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Drives {@link RefreshNeighbours} on a timer (the intervals are in application.properties). */
@ApplicationScoped
public class NeighbourRefresher {

  private final RefreshNeighbours refresh;

  public NeighbourRefresher(RefreshNeighbours refresh) {
    this.refresh = refresh;
  }

  @Scheduled(
      every = "${moviedb.signals.refresh-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void changed() {
    refresh.changed();
  }

  @Scheduled(
      every = "${moviedb.signals.refresh-all-every:1h}",
      delayed = "${moviedb.signals.refresh-all-every:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void all() {
    refresh.all();
  }
}
