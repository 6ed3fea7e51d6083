package dev.moviedb.taste.application.port;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.tastestate.ApplyResult;
import dev.moviedb.tastestate.TasteChange;
import dev.moviedb.tastestate.TasteSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Port: the per-user taste state (weights per title, never vectors). Updates are atomic per user
 * and idempotent per event; see taste-state's {@code TasteKeys} for the layout.
 */
public interface TasteStore {

  /** Applies a batch of changes, grouped per user, in one round trip. */
  ApplyResult apply(List<? extends TasteChange> changes);

  /** Everything stored about the user, empty when nothing was ever applied for them. */
  Optional<TasteSnapshot> snapshot(String userId);

  /** The user's events kept unresolved. */
  List<WatchRecorded> pending(String userId);

  /** For each of the names, the users with kept events that a title of that name resolves. */
  Map<String, Set<String>> waiting(Collection<String> names);

  /** Every name some user's kept events wait for. */
  Set<String> waitingNames();

  /** The events waiting for these names were resolved: nobody waits for them any more. */
  void forgetWaiting(Collection<String> names);

  /**
   * Erases the user atomically: every key, their place among those waiting for a title; events
   * published before {@code at} are never applied again. Returns the keys that existed.
   *
   * @param pendingNames the waiting names of each of the user's pending events, by event id (read
   *     again when an event arrives in between)
   */
  List<String> erase(
      String userId, Supplier<Map<String, Collection<String>>> pendingNames, Instant at);

  /** Every key of the user as stored, by key name. */
  Map<String, Object> stored(String userId);

  /** Marks users as erased at {@code at} (users erased before this layout existed). */
  void markErased(Collection<String> userIds, Instant at);

  /** The users among these of whom something is stored, or who were erased. */
  Set<String> known(Collection<String> userIds);

  /** The layout version of the store, empty before its first start. */
  Optional<String> layout();

  void layout(String version);
}
