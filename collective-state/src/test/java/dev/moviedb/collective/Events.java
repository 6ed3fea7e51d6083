package dev.moviedb.collective;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random watch histories for the tests: a few users, items, scopes, weeks of event time. */
public final class Events {

  private Events() {}

  /** A user's watch, as the tests feed it to both the writer and the batch definition. */
  public record UserWatch(String userId, Watched watched) {}

  public static List<UserWatch> random(long seed, int users, int items, int maxPerUser) {
    Random random = new Random(seed);
    List<Scope> scopes =
        List.of(Scope.GLOBAL, Scope.of("netflix", "NL"), Scope.of("netflix", "BE"));
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    List<UserWatch> out = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int count = random.nextInt(maxPerUser + 1);
      for (int e = 0; e < count; e++) {
        String item = "netflix:s" + random.nextInt(items);
        Instant at = start.plusSeconds(random.nextInt(60 * 86_400));
        out.add(
            new UserWatch(
                "user-" + u, new Watched(item, scopes.get(random.nextInt(scopes.size())), at)));
      }
    }
    return out;
  }

  public static Map<String, List<Watched>> byUser(List<UserWatch> watches) {
    Map<String, List<Watched>> out = new LinkedHashMap<>();
    watches.forEach(w -> out.computeIfAbsent(w.userId(), u -> new ArrayList<>()).add(w.watched()));
    return out;
  }
}
