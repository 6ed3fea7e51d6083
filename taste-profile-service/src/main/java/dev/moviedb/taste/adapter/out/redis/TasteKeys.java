package dev.moviedb.taste.adapter.out.redis;

import java.util.List;

/**
 * The Redis keys of one user. The user id sits in a hash tag ({@code {userId}}), so every key of a
 * user lands in the same Redis Cluster slot and one script may touch them all.
 */
public final class TasteKeys {

  private TasteKeys() {}

  private static String key(String userId, String name) {
    return "moviedb:user:{" + userId + "}:" + name;
  }

  /** SET of applied event keys (idempotence). */
  public static String events(String userId) {
    return key(userId, "events");
  }

  /** HASH: model, dimension, posWeight, negWeight, count:SIGNAL, updatedAt, pos, neg. */
  public static String taste(String userId) {
    return key(userId, "taste");
  }

  /** HASH titleId -> JSON {p, n, v}: summed positive and negative raw weight, and the vector. */
  public static String titles(String userId) {
    return key(userId, "titles");
  }

  /** SET of titleIds watched or rated. */
  public static String watched(String userId) {
    return key(userId, "watched");
  }

  /** ZSET titleId -> accumulated positive weight, for explanations. */
  public static String liked(String userId) {
    return key(userId, "liked");
  }

  /** HASH genre -> accumulated positive weight, for the profile's top genres. */
  public static String genres(String userId) {
    return key(userId, "genres");
  }

  /** HASH raw title string -> how often it did not resolve. */
  public static String unresolved(String userId) {
    return key(userId, "unresolved");
  }

  public static List<String> all(String userId) {
    return List.of(
        events(userId),
        taste(userId),
        titles(userId),
        watched(userId),
        liked(userId),
        genres(userId),
        unresolved(userId));
  }
}
