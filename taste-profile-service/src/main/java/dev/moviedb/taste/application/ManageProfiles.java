package dev.moviedb.taste.application;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.domain.TasteProfile;
import dev.moviedb.taste.domain.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Use case: read or erase what is stored about a user. */
@ApplicationScoped
public class ManageProfiles {

  private final TasteStore store;

  public ManageProfiles(TasteStore store) {
    this.store = store;
  }

  public Optional<TasteProfile> profile(String userId) {
    return store.snapshot(userId).map(TasteProfile::of);
  }

  /**
   * Erases the user: every key, and their place among those waiting for a title. Events of theirs
   * published before now are never applied again, also when the topic is read again. Returns the
   * keys that existed.
   */
  public List<String> delete(String userId) {
    Set<String> names = new LinkedHashSet<>();
    for (WatchRecorded event : store.pending(userId)) {
      names.addAll(TitleResolver.waitingNames(event.rawTitle()));
    }
    return store.erase(userId, names, Instant.now());
  }
}
