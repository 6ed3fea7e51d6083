package dev.moviedb.taste.application;

import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.domain.TasteProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Use case: read or erase what is stored about a user. */
@ApplicationScoped
public class ManageProfiles {

  private final TasteStore store;

  public ManageProfiles(TasteStore store) {
    this.store = store;
  }

  public Optional<TasteProfile> profile(String userId) {
    return store.profile(userId);
  }

  /** Erases the user; returns the keys that existed. */
  public List<String> delete(String userId) {
    return store.delete(userId);
  }
}
