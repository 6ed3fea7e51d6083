package dev.moviedb.collective.redis;

import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Neighbours;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the collective state (layout: {@link CollectiveKeys}); collective-signals is its only
 * user.
 *
 * <p>One change of a user takes three steps, because the user's keys and the two aggregate groups
 * live in three Redis Cluster slots: (1) a script on the user's keys applies the events to the
 * user's state and records the change of the aggregates it implies as a numbered pending entry (the
 * outbox); (2) a script per aggregate group applies every pending entry whose number is above the
 * user's applied number there, and raises it; (3) the pending entries are deleted. A crash or a
 * Redis outage between steps loses and doubles nothing: the events come again (their offsets were
 * not committed), step 1 changes nothing the second time and hands back the entries still pending,
 * step 2 skips what it applied before. Every step only adds to counts, so the state does not depend
 * on the order of events either.
 *
 * <p>Every method throws when Redis cannot be reached; calling it again is always safe.
 */
public final class CollectiveWriter {

  /** One user's part of a batch: a run of counting watches, or an erasure. */
  public sealed interface Change permits Watch, Erase {
    String userId();
  }

  public record Watch(String userId, List<Watched> watched) implements Change {
    public Watch {
      watched = List.copyOf(watched);
    }
  }

  public record Erase(String userId) implements Change {}

  /** What a call did: users touched, pending entries applied per group, users erased. */
  public record Outcome(int users, int trendingEntries, int coWatchEntries, int erased) {}

  private static final int MAX_ARGS_PER_CALL = 20_000;

  private final RedisCalls redis;
  private final SignalParams params;
  private final Similarity similarity;

  public CollectiveWriter(Redis redis, SignalParams params, Similarity similarity) {
    this.redis = new RedisCalls(redis);
    this.params = params;
    this.similarity = similarity;
  }

  public SignalParams params() {
    return params;
  }

  /** Applies the changes in their order (a user's erasure ends everything of theirs before it). */
  public Outcome apply(List<Change> changes) {
    Map<String, List<Pending>> pending = new LinkedHashMap<>();
    Set<String> users = new LinkedHashSet<>();
    int[] applied = new int[2];
    int erased = 0;
    for (Change change : changes) {
      users.add(change.userId());
      if (change instanceof Watch w) {
        if (!w.watched().isEmpty()) {
          pending.put(w.userId(), runUser(w.userId(), watchArgs(w.watched())));
        }
      } else {
        flush(pending, applied);
        erase(change.userId(), applied);
        erased++;
      }
    }
    flush(pending, applied);
    return new Outcome(users.size(), applied[0], applied[1], erased);
  }

  private void erase(String userId, int[] applied) {
    Map<String, List<Pending>> pending = new LinkedHashMap<>();
    pending.put(userId, runUser(userId, List.of("e")));
    flush(pending, applied);
    // Only now, with nothing of the user pending, may the applied numbers go: they are the last
    // trace of the user in the aggregates.
    redis.batch(
        List.of(
            Request.cmd(Command.HDEL).arg(CollectiveKeys.trendingApplied()).arg(userId),
            Request.cmd(Command.HDEL).arg(CollectiveKeys.coWatchApplied()).arg(userId)));
    redis.send(
        Request.cmd(Command.DEL)
            .arg(CollectiveKeys.seq(userId))
            .arg(CollectiveKeys.pending(userId)));
  }

  private List<String> watchArgs(List<Watched> watched) {
    List<String> args = new ArrayList<>(1 + 4 * watched.size());
    args.add("w");
    for (Watched w : watched) {
      args.add(w.item());
      args.add(Long.toString(w.day()));
      args.add(w.scope().key());
      args.add(Long.toString(w.at().getEpochSecond()));
    }
    return args;
  }

  /** A numbered change of the aggregates, as the user script recorded it. */
  record Pending(long seq, String entry) {}

  private List<Pending> runUser(String userId, List<String> modeArgs) {
    List<String> args = new ArrayList<>(3 + modeArgs.size());
    args.add(Integer.toString(params.pairReach()));
    args.add(Integer.toString(params.recentTitles()));
    args.add(Integer.toString(params.contributions()));
    args.addAll(modeArgs);
    Response r = redis.eval(Scripts.USER, CollectiveKeys.userKeys(userId), args);
    List<Pending> out = new ArrayList<>();
    for (int i = 0; i + 1 < r.size(); i += 2) {
      out.add(new Pending(Long.parseLong(r.get(i).toString()), r.get(i + 1).toString()));
    }
    out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    return out;
  }

  /** Steps 2 and 3 for every user with pending entries. */
  private void flush(Map<String, List<Pending>> pending, int[] applied) {
    flush(pending, applied, true);
  }

  /** Test hook: step 1 of a watch only, as if the process died right after it. */
  void stepOneOnly(Watch w) {
    runUser(w.userId(), watchArgs(w.watched()));
  }

  /** Test hook: steps 1 and 2 of a watch, as if the process died before deleting the entries. */
  void withoutStepThree(Watch w) {
    Map<String, List<Pending>> pending = new LinkedHashMap<>();
    pending.put(w.userId(), runUser(w.userId(), watchArgs(w.watched())));
    flush(pending, new int[2], false);
  }

  private void flush(Map<String, List<Pending>> pending, int[] applied, boolean deleteEntries) {
    if (pending.isEmpty()) {
      return;
    }
    Calls trending = new Calls();
    Calls coWatch = new Calls();
    for (Map.Entry<String, List<Pending>> e : pending.entrySet()) {
      for (Pending p : e.getValue()) {
        Ops ops = Ops.parse(p.entry());
        if (!ops.trending().isEmpty()) {
          trending.add(e.getKey(), p.seq(), ops.trending(), 5);
        }
        if (!ops.coWatch().isEmpty()) {
          coWatch.add(e.getKey(), p.seq(), ops.coWatch(), 4);
        }
      }
    }
    for (List<String> args : trending.calls()) {
      List<String> all = new ArrayList<>(args.size() + 3);
      all.add(CollectiveKeys.TRENDING);
      all.add(Horizon.WEEK.keySuffix());
      all.add(Horizon.MONTH.keySuffix());
      all.addAll(args);
      applied[0] +=
          redis
              .eval(
                  Scripts.TRENDING,
                  List.of(CollectiveKeys.trendingApplied(), CollectiveKeys.trendingScopes()),
                  all)
              .toInteger();
    }
    for (List<String> args : coWatch.calls()) {
      List<String> all = new ArrayList<>(args.size() + 1);
      all.add(CollectiveKeys.COWATCH + "row:");
      all.addAll(args);
      applied[1] +=
          redis
              .eval(
                  Scripts.COWATCH,
                  List.of(
                      CollectiveKeys.coWatchApplied(),
                      CollectiveKeys.counts(),
                      CollectiveKeys.dirty(),
                      CollectiveKeys.listUsers()),
                  all)
              .toInteger();
    }
    if (!deleteEntries) {
      return;
    }
    List<Request> acks = new ArrayList<>();
    pending.forEach(
        (user, entries) -> {
          if (entries.isEmpty()) {
            return;
          }
          Request hdel = Request.cmd(Command.HDEL).arg(CollectiveKeys.pending(user));
          entries.forEach(p -> hdel.arg(p.seq()));
          acks.add(hdel);
        });
    redis.batch(acks);
    pending.clear();
  }

  /** Script arguments split into calls of bounded size (entries never split). */
  private static final class Calls {
    private final List<List<String>> calls = new ArrayList<>();
    private List<String> current = new ArrayList<>();

    void add(String user, long seq, List<String> ops, int arity) {
      if (!current.isEmpty() && current.size() + ops.size() + 3 > MAX_ARGS_PER_CALL) {
        calls.add(current);
        current = new ArrayList<>();
      }
      current.add(user);
      current.add(Long.toString(seq));
      current.add(Integer.toString(ops.size() / arity));
      current.addAll(ops);
    }

    List<List<String>> calls() {
      if (!current.isEmpty()) {
        calls.add(current);
        current = new ArrayList<>();
      }
      return calls;
    }
  }

  /** A pending entry as script arguments for the two aggregate groups. */
  record Ops(List<String> trending, List<String> coWatch) {

    static Ops parse(String entry) {
      Map<String, double[]> byScopeItem = new LinkedHashMap<>();
      List<String> coWatch = new ArrayList<>();
      for (String line : entry.split("\n")) {
        String[] f = line.split("\\|", -1);
        switch (f[0]) {
          case "P" -> {
            long day = Long.parseLong(f[1]);
            int d = Integer.parseInt(f[4]);
            double[] acc = byScopeItem.computeIfAbsent(f[2] + "|" + f[3], k -> new double[3]);
            acc[0] += d * Horizon.WEEK.weight(day);
            acc[1] += d * Horizon.MONTH.weight(day);
          }
          case "S" ->
              byScopeItem.computeIfAbsent(f[1] + "|" + f[2], k -> new double[3])[2] +=
                  Integer.parseInt(f[3]);
          case "C" -> coWatch.addAll(List.of("C", f[1], f[2], f[3]));
          case "N" -> coWatch.addAll(List.of("N", f[1], "", f[2]));
          case "U" -> coWatch.addAll(List.of("U", "", "", f[1]));
          default -> throw new IllegalStateException("unknown pending line '" + line + "'");
        }
      }
      List<String> trending = new ArrayList<>(byScopeItem.size() * 5);
      byScopeItem.forEach(
          (key, acc) -> {
            int bar = key.indexOf('|');
            trending.add(key.substring(0, bar));
            trending.add(key.substring(bar + 1));
            trending.add(number(acc[0]));
            trending.add(number(acc[1]));
            trending.add(Long.toString(Math.round(acc[2])));
          });
      return new Ops(trending, coWatch);
    }

    private static String number(double value) {
      return value == 0 ? "0" : Double.toString(value);
    }
  }

  /** Recomputes the top lists of up to {@code max} dirty items; returns how many. */
  public int refreshDirty(int max) {
    Response popped =
        redis.eval(
            Scripts.POP_MEMBERS, List.of(CollectiveKeys.dirty()), List.of(Integer.toString(max)));
    int done = 0;
    for (Response item : popped) {
      refresh(item.toString());
      done++;
    }
    return done;
  }

  /**
   * Recomputes every item's top list (a partner's count changes its score in rows that no event of
   * this item touched; this brings them all up to date). Returns how many.
   */
  public int refreshAll() {
    Set<String> items = new LinkedHashSet<>();
    Response counts =
        redis.eval(
            Scripts.READ_COUNTS,
            List.of(CollectiveKeys.counts(), CollectiveKeys.listUsers()),
            List.of());
    Response flat = counts.get(0);
    for (int i = 0; i < flat.size(); i += 2) {
      items.add(flat.get(i).toString());
    }
    redis
        .eval(Scripts.MEMBERS, List.of(CollectiveKeys.dirty()), List.of())
        .forEach(r -> items.add(r.toString()));
    for (String item : items) {
      redis.send(Request.cmd(Command.SREM).arg(CollectiveKeys.dirty()).arg(item));
      refresh(item);
    }
    return items.size();
  }

  /** Recomputes one item's top list from its row and the current counts. */
  public void refresh(String item) {
    Response r =
        redis.eval(
            Scripts.READ_ROW,
            List.of(CollectiveKeys.row(item), CollectiveKeys.counts(), CollectiveKeys.listUsers()),
            List.of(item));
    long ni = Long.parseLong(r.get(0).toString());
    long users = Long.parseLong(r.get(1).toString());
    Map<String, Long> row = new HashMap<>();
    Map<String, Long> n = new HashMap<>();
    for (int i = 2; i + 2 < r.size(); i += 3) {
      String partner = r.get(i).toString();
      row.put(partner, Long.parseLong(r.get(i + 1).toString()));
      n.put(partner, Long.parseLong(r.get(i + 2).toString()));
    }
    List<Neighbour> top =
        Neighbours.top(row, ni, j -> n.getOrDefault(j, 0L), users, similarity, params);
    List<String> args = new ArrayList<>(top.size() * 2);
    for (Neighbour nb : top) {
      args.add(Double.toString(nb.score()));
      args.add(nb.item());
    }
    redis.eval(Scripts.REPLACE_TOP, List.of(CollectiveKeys.top(item)), args);
  }

  /** The scope keys seen so far. */
  Set<Scope> scopes() {
    Set<Scope> out = new LinkedHashSet<>();
    redis
        .eval(Scripts.MEMBERS, List.of(CollectiveKeys.trendingScopes()), List.of())
        .forEach(r -> out.add(Scope.parse(r.toString())));
    return out;
  }
}
