package dev.moviedb.collective.redis;

import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Scope;
import java.util.List;

/**
 * The Redis keys of the collective signals: the one place that names them. Three groups, each under
 * one hash tag so that one script updates a group atomically and a Redis Cluster spreads the groups
 * (and the users) over its nodes:
 *
 * <table>
 *   <caption>per user: {@code moviedb:signals:{userId}:...} (the taste keys' slot)</caption>
 *   <tr><td>{@code contributions}</td><td>ZSET {@code day|scope|item} -> day: the popularity
 *   contributions the user keeps (the most recent M)</td></tr>
 *   <tr><td>{@code scope-items}</td><td>HASH {@code scope|item} -> kept contributions: whether the
 *   user counts among the item's distinct users in that scope</td></tr>
 *   <tr><td>{@code recent}</td><td>ZSET item -> latest counting watch (epoch s): the co-watch list
 *   (the most recent L)</td></tr>
 *   <tr><td>{@code seq}, {@code pending}</td><td>STRING counter and HASH seq -> change of the
 *   aggregates not yet known applied (the outbox that makes the cross-slot step exactly-once)
 *   </td></tr>
 * </table>
 *
 * <table>
 *   <caption>trending: {@code moviedb:trending:{trending}:...}</caption>
 *   <tr><td>{@code <scope>:<horizon>:e<epoch>}</td><td>ZSET item -> summed weights</td></tr>
 *   <tr><td>{@code <scope>:users}</td><td>HASH item -> distinct users</td></tr>
 *   <tr><td>{@code scopes}</td><td>SET of scope keys seen</td></tr>
 *   <tr><td>{@code applied}</td><td>HASH userId -> highest applied seq</td></tr>
 * </table>
 *
 * <table>
 *   <caption>co-watch: {@code moviedb:cowatch:{cowatch}:...}</caption>
 *   <tr><td>{@code row:<item>}</td><td>HASH partner -> users who watched both</td></tr>
 *   <tr><td>{@code n}</td><td>HASH item -> users with it in their list</td></tr>
 *   <tr><td>{@code users}</td><td>STRING users with a non-empty list</td></tr>
 *   <tr><td>{@code top:<item>}</td><td>ZSET partner -> normalised score, the best K</td></tr>
 *   <tr><td>{@code dirty}</td><td>SET of items whose top list is to be recomputed</td></tr>
 *   <tr><td>{@code applied}</td><td>HASH userId -> highest applied seq</td></tr>
 * </table>
 */
public final class CollectiveKeys {

  static final String TRENDING = "moviedb:trending:{trending}:";
  static final String COWATCH = "moviedb:cowatch:{cowatch}:";

  private CollectiveKeys() {}

  private static String user(String userId, String name) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId is missing");
    }
    return "moviedb:signals:{" + userId + "}:" + name;
  }

  public static String contributions(String userId) {
    return user(userId, "contributions");
  }

  public static String scopeItems(String userId) {
    return user(userId, "scope-items");
  }

  public static String recent(String userId) {
    return user(userId, "recent");
  }

  public static String seq(String userId) {
    return user(userId, "seq");
  }

  public static String pending(String userId) {
    return user(userId, "pending");
  }

  /** Every key of one user, in the order the user scripts take them. */
  public static List<String> userKeys(String userId) {
    return List.of(
        contributions(userId), scopeItems(userId), recent(userId), seq(userId), pending(userId));
  }

  public static String trending(Scope scope, Horizon horizon) {
    return TRENDING + scope.key() + ":" + horizon.keySuffix();
  }

  public static String trendingUsers(Scope scope) {
    return TRENDING + scope.key() + ":users";
  }

  public static String trendingScopes() {
    return TRENDING + "scopes";
  }

  public static String trendingApplied() {
    return TRENDING + "applied";
  }

  public static String row(String item) {
    return COWATCH + "row:" + item;
  }

  public static String top(String item) {
    return COWATCH + "top:" + item;
  }

  public static String counts() {
    return COWATCH + "n";
  }

  public static String listUsers() {
    return COWATCH + "users";
  }

  public static String dirty() {
    return COWATCH + "dirty";
  }

  public static String coWatchApplied() {
    return COWATCH + "applied";
  }
}
