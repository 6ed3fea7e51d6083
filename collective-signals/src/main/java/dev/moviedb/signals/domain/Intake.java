package dev.moviedb.signals.domain;

import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalRules;
import dev.moviedb.collective.Watched;
import dev.moviedb.events.WatchRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one record of {@code user.watch-events} means to the collective signals: a counting watch,
 * nothing (an unresolved title, a signal that counts nothing), or the erasure of a user (a
 * tombstone: no value under the user's key). A record that can never mean anything throws {@link
 * IllegalArgumentException} naming the field, and goes to the dead-letter topic.
 */
public final class Intake {

  private Intake() {}

  /** A record's meaning. */
  public sealed interface Decision permits Count, Ignore, Erase {
    String userId();
  }

  public record Count(String userId, Watched watched) implements Decision {}

  public record Ignore(String userId, String why) implements Decision {}

  public record Erase(String userId) implements Decision {}

  /** How far in the future an event may be dated (clocks differ); later ones are refused. */
  public static final Duration CLOCK_SKEW = Duration.ofDays(1);

  /**
   * The meaning of a record with this key and value (null value: a tombstone), read at {@code now}.
   */
  public static Decision read(String key, WatchRecorded event, Instant now) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("record key (the user id) is missing");
    }
    if (event == null) {
      return new Erase(key);
    }
    if (event.userId() == null || event.userId().isBlank()) {
      throw new IllegalArgumentException("userId is missing");
    }
    if (!key.equals(event.userId())) {
      throw new IllegalArgumentException(
          "record key '" + key + "' is not the event's userId '" + event.userId() + "'");
    }
    if (event.eventId() == null || event.eventId().isBlank()) {
      throw new IllegalArgumentException("eventId is missing");
    }
    if (event.signal() == null) {
      throw new IllegalArgumentException("signal is missing");
    }
    if (event.occurredAt() == null) {
      throw new IllegalArgumentException("occurredAt is missing");
    }
    if (event.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new IllegalArgumentException(
          "occurredAt " + event.occurredAt() + " is in the future (read at " + now + ")");
    }
    Optional<String> item = SignalRules.itemOf(event);
    if (item.isEmpty()) {
      return new Ignore(key, "unresolved");
    }
    if (!SignalRules.counts(event.signal())) {
      return new Ignore(key, event.signal().name());
    }
    return new Count(key, new Watched(item.get(), Scope.of(event.watchedOn()), event.occurredAt()));
  }
}
