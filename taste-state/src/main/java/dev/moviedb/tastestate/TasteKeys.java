package dev.moviedb.tastestate;

import dev.moviedb.events.Topics;
import java.time.Duration;
import java.util.List;

/**
 * The Redis keys of the taste state: the one place that names them. Every key of a user carries the
 * user id as a hash tag ({@code moviedb:taste:{userId}:...}), so all of them land in one Redis
 * Cluster slot and one script updates them atomically. No key holds a vector: a model switch
 * changes nothing here.
 *
 * <table>
 *   <caption>per user</caption>
 *   <tr><td>{@code applied}</td><td>HASH eventId -> {@code r} (resolved and applied) or {@code u}
 *   + raw title (kept unresolved): what makes every event apply once</td></tr>
 *   <tr><td>{@code pos}, {@code neg}</td><td>HASH titleId -> summed decayed positive / negative
 *   weight</td></tr>
 *   <tr><td>{@code watched}</td><td>SET of titleIds watched or rated (not only listed)</td></tr>
 *   <tr><td>{@code titles}</td><td>HASH titleId -> {@code first,last,name}: first and last event
 *   time (epoch ms) and the catalogue name at the latest event</td></tr>
 *   <tr><td>{@code genres}</td><td>HASH genre -> summed positive weight</td></tr>
 *   <tr><td>{@code summary}</td><td>HASH {@code count:<SIGNAL>}, {@code positive}, {@code
 *   negative}, {@code updatedAt} (latest event time, epoch ms)</td></tr>
 *   <tr><td>{@code pending}</td><td>HASH eventId -> the unresolved watch event (JSON), kept to be
 *   resolved when the catalogue gains its title</td></tr>
 *   <tr><td>{@code unresolved}</td><td>HASH raw title -> number of unresolved events</td></tr>
 *   <tr><td>{@code erased}</td><td>STRING epoch ms of the last erasure: events published before it
 *   are never applied again (survives the erasure itself, for {@link #ERASED_TTL}: until no event
 *   published before it can be left in {@code user.watch-events})</td></tr>
 * </table>
 *
 * <p>Shared: {@code moviedb:taste:waiting:<name>} SET of users with an unresolved event that a
 * catalogue title of that (normalised) name would resolve; {@code moviedb:taste:layout} the layout
 * version of this Redis.
 *
 * <p>The scripts that apply events and erase a user change the user's keys and their place in the
 * shared waiting sets together, atomically: the taste state needs one Redis primary (standalone, or
 * with replicas and Sentinel), not a Redis Cluster, which refuses a script across slots.
 */
public final class TasteKeys {

  /** The version of this layout, stored under {@link #LAYOUT}. */
  public static final String LAYOUT_VERSION = "2";

  /** STRING: {@link #LAYOUT_VERSION} once this Redis holds this layout (after any upgrade). */
  public static final String LAYOUT = "moviedb:taste:layout";

  private static final String WAITING = "moviedb:taste:waiting:";

  /** SCAN pattern of every waiting-name key. */
  public static final String WAITING_PATTERN = WAITING + "*";

  /**
   * How long the erasure marker is kept: the longest an event can stay in {@code user.watch-events}
   * (its retention plus one segment, which retention deletes whole), and a day more. After it no
   * event published before the erasure exists anywhere to be replayed, and the marker goes too.
   */
  public static final Duration ERASED_TTL =
      Duration.ofMillis(Topics.USER_RETENTION_MS + Topics.USER_SEGMENT_MS).plusDays(1);

  private TasteKeys() {}

  private static String key(String userId, String name) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId is missing");
    }
    return "moviedb:taste:{" + userId + "}:" + name;
  }

  public static String applied(String userId) {
    return key(userId, "applied");
  }

  public static String positive(String userId) {
    return key(userId, "pos");
  }

  public static String negative(String userId) {
    return key(userId, "neg");
  }

  public static String watched(String userId) {
    return key(userId, "watched");
  }

  public static String titles(String userId) {
    return key(userId, "titles");
  }

  public static String genres(String userId) {
    return key(userId, "genres");
  }

  public static String summary(String userId) {
    return key(userId, "summary");
  }

  public static String pending(String userId) {
    return key(userId, "pending");
  }

  public static String unresolved(String userId) {
    return key(userId, "unresolved");
  }

  public static String erased(String userId) {
    return key(userId, "erased");
  }

  /** Every key that holds what is known about the user (not the erasure marker). */
  public static List<String> data(String userId) {
    return List.of(
        applied(userId),
        positive(userId),
        negative(userId),
        watched(userId),
        titles(userId),
        genres(userId),
        summary(userId),
        pending(userId),
        unresolved(userId));
  }

  /** SET of users waiting for a catalogue title of this normalised name. */
  public static String waiting(String normalisedName) {
    return WAITING + normalisedName;
  }

  /** The name of a waiting key, or null when the key is not one. */
  public static String waitingName(String key) {
    return key.startsWith(WAITING) ? key.substring(WAITING.length()) : null;
  }
}
