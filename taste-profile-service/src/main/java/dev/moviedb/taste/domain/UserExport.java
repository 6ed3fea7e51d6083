package dev.moviedb.taste.domain;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.tastestate.TasteSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything taste-profile-service stores about a user, for them to take away (GDPR art. 15 and
 * 20): the taste as read, every Redis key as stored, the events kept until their titles resolve,
 * the names the user waits for, and the records {@code user.watch-events} and its dead-letter topic
 * still hold under the user's key.
 *
 * @param taste the readable taste (every title with its weights and times), null when none
 * @param stored every Redis key of the user, by key name, as stored
 * @param pendingEvents the events kept unresolved, whole
 * @param waitingFor the title names that, once in the catalogue, resolve a kept event
 * @param watchEvents what {@code user.watch-events} holds under the user's key
 * @param deadLetters what {@code user.watch-events.dlq} holds under the user's key
 * @param notes where else, and for how long, data of the user lives
 */
public record UserExport(
    String userId,
    Instant exportedAt,
    TasteSnapshot taste,
    Map<String, Object> stored,
    List<WatchRecorded> pendingEvents,
    Set<String> waitingFor,
    List<KeptRecord> watchEvents,
    List<KeptRecord> deadLetters,
    List<String> notes) {}
