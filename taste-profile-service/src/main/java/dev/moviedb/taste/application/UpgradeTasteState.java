package dev.moviedb.taste.application;

import dev.moviedb.taste.application.port.LegacyTasteState;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.application.port.WatchHistory;
import dev.moviedb.tastestate.TasteKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Use case, run once at start-up before any watch event is applied: brings a store written by an
 * earlier release to the current layout. The old state is not converted but re-derived: {@code
 * user.watch-events} keeps every event forever, and this service's consumer group has never read
 * it, so it reads it from the start and rebuilds every user (also histories the old layout lost
 * when a model switch wiped them). Users the old layout no longer held although the topic has their
 * events were erased: they are marked so before the old keys go, and stay erased.
 *
 * <p>Safe to interrupt: the marks are written before the layout says "upgrading", and the old keys
 * are deleted after.
 */
@ApplicationScoped
public class UpgradeTasteState {

  static final String UPGRADING = "upgrading-to-" + TasteKeys.LAYOUT_VERSION;
  private static final Logger LOG = Logger.getLogger(UpgradeTasteState.class);

  private final TasteStore store;
  private final LegacyTasteState legacy;
  private final WatchHistory history;

  public UpgradeTasteState(TasteStore store, LegacyTasteState legacy, WatchHistory history) {
    this.store = store;
    this.legacy = legacy;
    this.history = history;
  }

  /** What the run did: nothing (already current), or the users kept erased and keys removed. */
  public record Outcome(boolean upgraded, int usersKeptErased, long oldKeysRemoved) {}

  public Outcome run() {
    Optional<String> layout = store.layout();
    if (layout.filter(TasteKeys.LAYOUT_VERSION::equals).isPresent()) {
      return new Outcome(false, 0, 0);
    }
    int erased = 0;
    if (layout.isEmpty()) {
      Set<String> old = legacy.users();
      if (!old.isEmpty()) {
        Set<String> gone = new HashSet<>(history.users());
        gone.removeAll(old);
        gone.removeAll(store.known(gone));
        store.markErased(gone, Instant.now());
        erased = gone.size();
        LOG.infof(
            "upgrading the taste state of %d users: it is rebuilt from user.watch-events;"
                + " %d users erased before stay erased",
            old.size(), erased);
      }
      store.layout(UPGRADING);
    }
    long removed = legacy.deleteAll();
    store.layout(TasteKeys.LAYOUT_VERSION);
    if (removed > 0) {
      LOG.infof("removed %d keys of the old taste layout (vectors, model ids)", removed);
    }
    return new Outcome(true, erased, removed);
  }
}
