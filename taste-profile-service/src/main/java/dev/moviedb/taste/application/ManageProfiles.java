package dev.moviedb.taste.application;

import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.ErasurePublisher;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.application.port.UserRecords;
import dev.moviedb.taste.domain.TasteProfile;
import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.taste.domain.UserExport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Use case: read, export or erase what is stored about a user. */
@ApplicationScoped
public class ManageProfiles {

  private final TasteStore store;
  private final ErasurePublisher publisher;
  private final UserRecords records;

  public ManageProfiles(TasteStore store, ErasurePublisher publisher, UserRecords records) {
    this.store = store;
    this.publisher = publisher;
    this.records = records;
  }

  public Optional<TasteProfile> profile(String userId) {
    return store.snapshot(userId).map(TasteProfile::of);
  }

  /** What an erasure did. */
  public record Erasure(String userId, Instant erasedAt, List<String> removedKeys) {}

  /**
   * Erases the user: their taste state in one atomic step (every key, their place among those
   * waiting for a title), then a tombstone on {@code user.watch-events} for every other consumer.
   * Events of theirs published before now are never applied again, also when the topic is read
   * again. When Kafka does not acknowledge the tombstone the state is gone already and the call
   * fails: calling it again publishes the tombstone.
   */
  public Erasure delete(String userId) {
    Instant at = Instant.now();
    List<String> removed = eraseState(userId, at);
    publisher.publishErasure(userId, at);
    return new Erasure(userId, at, removed);
  }

  /** Erases the user's taste state as of {@code at} (an erasure read from the topic). */
  public List<String> eraseState(String userId, Instant at) {
    return store.erase(userId, () -> pendingNames(userId), at);
  }

  /** Everything stored about the user: Redis, and what the user topics hold under their key. */
  public UserExport export(String userId) {
    Map<String, Object> stored = store.stored(userId);
    List<WatchRecorded> pending = store.pending(userId);
    TreeSet<String> waitingFor = new TreeSet<>();
    pendingNames(pending).values().forEach(waitingFor::addAll);
    long retentionDays = Duration.ofMillis(Topics.USER_RETENTION_MS).toDays();
    return new UserExport(
        userId,
        Instant.now(),
        store.snapshot(userId).orElse(null),
        stored,
        pending,
        waitingFor,
        records.watchEvents(userId),
        records.deadLetters(userId),
        List.of(
            "taste state (Redis): kept until you erase it (DELETE /v1/users/"
                + userId
                + "); an erasure leaves only its time, for "
                + dev.moviedb.tastestate.TasteKeys.ERASED_TTL.toDays()
                + " days",
            Topics.WATCH_EVENTS
                + " and "
                + Topics.WATCH_EVENTS
                + Topics.DEAD_LETTER_SUFFIX
                + ": each record is deleted "
                + retentionDays
                + " to "
                + (retentionDays + 1)
                + " days after it was written",
            "collective-signals keeps its own per-user state for trending and co-watch: it forgets"
                + " you on the same erasure (docs/PRIVACY.md)"));
  }

  private Map<String, Collection<String>> pendingNames(String userId) {
    return pendingNames(store.pending(userId));
  }

  private static Map<String, Collection<String>> pendingNames(List<WatchRecorded> pending) {
    Map<String, Collection<String>> names = new LinkedHashMap<>();
    for (WatchRecorded e : pending) {
      names.put(e.eventId(), TitleResolver.waitingNames(e.rawTitle()));
    }
    return names;
  }
}
