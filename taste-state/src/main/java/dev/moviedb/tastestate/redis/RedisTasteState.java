package dev.moviedb.tastestate.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.tastestate.ApplyResult;
import dev.moviedb.tastestate.PendingEvents;
import dev.moviedb.tastestate.TasteChange;
import dev.moviedb.tastestate.TasteKeys;
import dev.moviedb.tastestate.TasteSnapshot;
import dev.moviedb.tastestate.TasteSnapshot.TitleState;
import dev.moviedb.tastestate.TasteWeights;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The taste state in Redis, written and read through this class only (the layout is {@link
 * TasteKeys}). taste-profile-service writes and reads profiles through it; recommend-api reads the
 * weights through it.
 *
 * <p>A batch of changes is one pipeline: one script per user, applying all of that user's changes
 * atomically. Every update only adds to sums, keeps minima and maxima, and records the event id, so
 * applying the same events again changes nothing and the result does not depend on their order
 * (sums of floating-point numbers in another order may differ in the last bits).
 */
public final class RedisTasteState {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * KEYS: applied, pos, neg, watched, titles, genres, summary, pending, unresolved, erased. ARGV:
   * 11 values per change: kind (r|u), eventId, publishedAt ms, occurredAt ms, signal, then for r:
   * titleId, side (pos|neg), weight, watched (1|0), name, genres (JSON array); for u: raw title,
   * the event (JSON), four empty values. Returns {applied, duplicates, resolvedLater, erased}.
   * Times are kept as the strings given (Lua would print large numbers in exponent form).
   */
  static final String APPLY =
      """
      local erasedAt = tonumber(redis.call('GET', KEYS[10]) or '-1')
      local applied, duplicates, later, erased = 0, 0, 0, 0
      for i = 1, #ARGV, 11 do
        local kind, id, occurred = ARGV[i], ARGV[i + 1], ARGV[i + 3]
        if tonumber(ARGV[i + 2]) < erasedAt then
          erased = erased + 1
        else
          local state = redis.call('HGET', KEYS[1], id)
          local fresh = false
          if kind == 'r' and not (state and string.sub(state, 1, 1) == 'r') then
            if state then
              local raw = string.sub(state, 2)
              if redis.call('HINCRBY', KEYS[9], raw, -1) <= 0 then redis.call('HDEL', KEYS[9], raw) end
              redis.call('HDEL', KEYS[8], id)
              later = later + 1
            else
              applied = applied + 1
            end
            fresh = true
            redis.call('HSET', KEYS[1], id, 'r')
            local title, w, name = ARGV[i + 5], ARGV[i + 7], ARGV[i + 9]
            if ARGV[i + 6] == 'pos' then
              redis.call('HINCRBYFLOAT', KEYS[2], title, w)
              redis.call('HINCRBYFLOAT', KEYS[7], 'positive', w)
              for _, genre in ipairs(cjson.decode(ARGV[i + 10])) do
                redis.call('HINCRBYFLOAT', KEYS[6], genre, w)
              end
            else
              redis.call('HINCRBYFLOAT', KEYS[3], title, w)
              redis.call('HINCRBYFLOAT', KEYS[7], 'negative', w)
            end
            if ARGV[i + 8] == '1' then redis.call('SADD', KEYS[4], title) end
            local cur = redis.call('HGET', KEYS[5], title)
            if not cur then
              redis.call('HSET', KEYS[5], title, occurred .. ',' .. occurred .. ',' .. name)
            else
              local first, last, known = string.match(cur, '^(-?%d+),(-?%d+),(.*)$')
              local t = tonumber(occurred)
              local changed = false
              if t < tonumber(first) then first = occurred; changed = true end
              if t > tonumber(last) or (t == tonumber(last) and name > known) then
                last = occurred; known = name; changed = true
              end
              if changed then redis.call('HSET', KEYS[5], title, first .. ',' .. last .. ',' .. known) end
            end
            redis.call('HINCRBY', KEYS[7], 'count:' .. ARGV[i + 4], 1)
          elseif kind == 'u' and not state then
            applied = applied + 1
            fresh = true
            redis.call('HSET', KEYS[1], id, 'u' .. ARGV[i + 5])
            redis.call('HSET', KEYS[8], id, ARGV[i + 6])
            redis.call('HINCRBY', KEYS[9], ARGV[i + 5], 1)
          else
            duplicates = duplicates + 1
          end
          if fresh then
            local updated = redis.call('HGET', KEYS[7], 'updatedAt')
            if not updated or tonumber(occurred) > tonumber(updated) then
              redis.call('HSET', KEYS[7], 'updatedAt', occurred)
            end
          end
        end
      end
      return {applied, duplicates, later, erased}
      """;

  /** KEYS: pos, neg, watched. */
  static final String READ_WEIGHTS =
      """
      return {redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]),
              redis.call('SMEMBERS', KEYS[3])}
      """;

  /** KEYS: summary, pos, neg, watched, titles, genres, unresolved, applied. */
  static final String READ_SNAPSHOT =
      """
      return {redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]),
              redis.call('HGETALL', KEYS[3]), redis.call('SMEMBERS', KEYS[4]),
              redis.call('HGETALL', KEYS[5]), redis.call('HGETALL', KEYS[6]),
              redis.call('HGETALL', KEYS[7]), redis.call('EXISTS', KEYS[8])}
      """;

  /** KEYS: the user's data keys, then the erasure marker. ARGV: the erasure time. */
  static final String ERASE =
      """
      local removed = {}
      for i = 1, #KEYS - 1 do
        if redis.call('DEL', KEYS[i]) == 1 then table.insert(removed, KEYS[i]) end
      end
      local before = tonumber(redis.call('GET', KEYS[#KEYS]) or '-1')
      if tonumber(ARGV[1]) > before then redis.call('SET', KEYS[#KEYS], ARGV[1]) end
      return removed
      """;

  private final Redis redis;

  public RedisTasteState(Redis redis) {
    this.redis = redis;
  }

  /**
   * Applies the changes: per user in their order, atomically per user, all users in one pipeline.
   * Unresolved changes also register their user under the names that would resolve them.
   */
  public ApplyResult apply(List<? extends TasteChange> changes) {
    if (changes.isEmpty()) {
      return ApplyResult.NONE;
    }
    Map<String, List<TasteChange>> byUser = new LinkedHashMap<>();
    Map<String, Set<String>> waiting = new LinkedHashMap<>();
    for (TasteChange c : changes) {
      byUser.computeIfAbsent(c.userId(), u -> new ArrayList<>()).add(c);
      if (c instanceof TasteChange.Unresolved u) {
        for (String name : u.waitingNames()) {
          waiting.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(u.userId());
        }
      }
    }
    List<Request> requests = new ArrayList<>();
    // Waiting users first: a crash between the two leaves a waiting user without a pending event
    // (harmless), never a pending event nobody looks for.
    waiting.forEach(
        (name, users) -> {
          Request sadd = Request.cmd(Command.SADD).arg(TasteKeys.waiting(name));
          users.forEach(sadd::arg);
          requests.add(sadd);
        });
    int firstScript = requests.size();
    byUser.forEach((user, own) -> requests.add(applyScript(user, own)));
    List<Response> responses = batch(requests);
    ApplyResult result = ApplyResult.NONE;
    for (int i = firstScript; i < responses.size(); i++) {
      Response r = responses.get(i);
      result =
          result.plus(
              new ApplyResult(
                  r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong()));
    }
    return result;
  }

  private static Request applyScript(String user, List<TasteChange> changes) {
    Request eval = Request.cmd(Command.EVAL).arg(APPLY).arg(10);
    eval.arg(TasteKeys.applied(user))
        .arg(TasteKeys.positive(user))
        .arg(TasteKeys.negative(user))
        .arg(TasteKeys.watched(user))
        .arg(TasteKeys.titles(user))
        .arg(TasteKeys.genres(user))
        .arg(TasteKeys.summary(user))
        .arg(TasteKeys.pending(user))
        .arg(TasteKeys.unresolved(user))
        .arg(TasteKeys.erased(user));
    for (TasteChange c : changes) {
      String kind = c instanceof TasteChange.Resolved ? "r" : "u";
      eval.arg(kind)
          .arg(c.eventId())
          .arg(c.publishedAt().toEpochMilli())
          .arg(c.occurredAt().toEpochMilli())
          .arg(c.signal().name());
      if (c instanceof TasteChange.Resolved r) {
        double weight = r.contribution().weight();
        eval.arg(r.titleId())
            .arg(r.contribution().side().key())
            .arg(Double.toString(weight))
            .arg(r.watched() ? "1" : "0")
            .arg(r.title())
            .arg(jsonArray(r.genres()));
      } else {
        TasteChange.Unresolved u = (TasteChange.Unresolved) c;
        eval.arg(u.rawTitle()).arg(PendingEvents.encode(u.event()));
        for (int i = 0; i < 4; i++) {
          eval.arg("");
        }
      }
    }
    return eval;
  }

  /** The user's weights, empty for a user without any resolved title. */
  public Optional<TasteWeights> weights(String userId) {
    Response r =
        send(
            Request.cmd(Command.EVAL)
                .arg(READ_WEIGHTS)
                .arg(3)
                .arg(TasteKeys.positive(userId))
                .arg(TasteKeys.negative(userId))
                .arg(TasteKeys.watched(userId)));
    Map<String, Double> positive = doubles(r.get(0));
    Map<String, Double> negative = doubles(r.get(1));
    if (positive.isEmpty() && negative.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TasteWeights(positive, negative, strings(r.get(2))));
  }

  /** Everything stored about the user, empty when no event of theirs was ever applied. */
  public Optional<TasteSnapshot> snapshot(String userId) {
    Response r =
        send(
            Request.cmd(Command.EVAL)
                .arg(READ_SNAPSHOT)
                .arg(8)
                .arg(TasteKeys.summary(userId))
                .arg(TasteKeys.positive(userId))
                .arg(TasteKeys.negative(userId))
                .arg(TasteKeys.watched(userId))
                .arg(TasteKeys.titles(userId))
                .arg(TasteKeys.genres(userId))
                .arg(TasteKeys.unresolved(userId))
                .arg(TasteKeys.applied(userId)));
    if (r.get(7).toLong() == 0) {
      return Optional.empty();
    }
    Map<String, String> summary = pairs(r.get(0));
    Map<String, Double> positive = doubles(r.get(1));
    Map<String, Double> negative = doubles(r.get(2));
    Set<String> watched = strings(r.get(3));
    Map<String, String> titles = new TreeMap<>(pairs(r.get(4)));
    List<TitleState> states = new ArrayList<>(titles.size());
    titles.forEach(
        (id, value) -> {
          String[] parts = value.split(",", 3);
          states.add(
              new TitleState(
                  id,
                  parts[2],
                  positive.getOrDefault(id, 0.0),
                  negative.getOrDefault(id, 0.0),
                  watched.contains(id),
                  Instant.ofEpochMilli(Long.parseLong(parts[0])),
                  Instant.ofEpochMilli(Long.parseLong(parts[1]))));
        });
    Map<String, Long> counts = new TreeMap<>();
    summary.forEach(
        (field, value) -> {
          if (field.startsWith("count:")) {
            counts.put(field.substring("count:".length()), Long.parseLong(value));
          }
        });
    Map<String, Long> unresolved = new HashMap<>();
    pairs(r.get(6)).forEach((raw, n) -> unresolved.put(raw, Long.parseLong(n)));
    String updatedAt = summary.get("updatedAt");
    return Optional.of(
        new TasteSnapshot(
            userId,
            updatedAt == null ? null : Instant.ofEpochMilli(Long.parseLong(updatedAt)),
            counts,
            Double.parseDouble(summary.getOrDefault("positive", "0")),
            Double.parseDouble(summary.getOrDefault("negative", "0")),
            states,
            doubles(r.get(5)),
            unresolved));
  }

  /** The user's events kept unresolved, in no particular order. */
  public List<WatchRecorded> pending(String userId) {
    Response r = send(Request.cmd(Command.HVALS).arg(TasteKeys.pending(userId)));
    List<WatchRecorded> events = new ArrayList<>(r.size());
    for (Response value : r) {
      events.add(PendingEvents.decode(value.toString()));
    }
    return events;
  }

  /** For each name, the users with an unresolved event that a title of that name resolves. */
  public Map<String, Set<String>> waiting(Collection<String> names) {
    List<String> ordered = List.copyOf(new LinkedHashSet<>(names));
    List<Request> requests = new ArrayList<>(ordered.size());
    ordered.forEach(n -> requests.add(Request.cmd(Command.SMEMBERS).arg(TasteKeys.waiting(n))));
    List<Response> responses = batch(requests);
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      Set<String> users = strings(responses.get(i));
      if (!users.isEmpty()) {
        out.put(ordered.get(i), users);
      }
    }
    return out;
  }

  /** Every name some user waits for. */
  public Set<String> waitingNames() {
    Set<String> names = new HashSet<>();
    scan(TasteKeys.WAITING_PATTERN, key -> names.add(TasteKeys.waitingName(key)));
    return names;
  }

  /** Nobody waits for these names any more (their titles exist and the events were resolved). */
  public void forgetWaiting(Collection<String> names) {
    if (!names.isEmpty()) {
      List<Request> requests = new ArrayList<>();
      names.forEach(n -> requests.add(Request.cmd(Command.DEL).arg(TasteKeys.waiting(n))));
      batch(requests);
    }
  }

  /**
   * Erases the user: every data key goes, and events published before {@code at} will never be
   * applied again (a replay of the topic does not bring the user back).
   *
   * @param waitingNames the names the user's unresolved events wait for, to leave no trace there
   * @return the keys that existed
   */
  public List<String> erase(String userId, Collection<String> waitingNames, Instant at) {
    List<Request> requests = new ArrayList<>();
    Request eval = Request.cmd(Command.EVAL).arg(ERASE).arg(TasteKeys.data(userId).size() + 1);
    TasteKeys.data(userId).forEach(eval::arg);
    eval.arg(TasteKeys.erased(userId)).arg(at.toEpochMilli());
    requests.add(eval);
    for (String name : new LinkedHashSet<>(waitingNames)) {
      requests.add(Request.cmd(Command.SREM).arg(TasteKeys.waiting(name)).arg(userId));
    }
    Response removed = batch(requests).get(0);
    List<String> keys = new ArrayList<>();
    for (Response key : removed) {
      keys.add(key.toString());
    }
    return keys;
  }

  /** Marks users as erased at {@code at} without touching anything else (see {@link #erase}). */
  public void markErased(Collection<String> userIds, Instant at) {
    List<Request> requests = new ArrayList<>();
    for (String user : userIds) {
      requests.add(
          Request.cmd(Command.EVAL)
              .arg(ERASE)
              .arg(1)
              .arg(TasteKeys.erased(user))
              .arg(at.toEpochMilli()));
    }
    batch(requests);
  }

  /** The users among {@code userIds} of whom anything is stored, or who were erased. */
  public Set<String> known(Collection<String> userIds) {
    List<String> ordered = List.copyOf(new LinkedHashSet<>(userIds));
    List<Request> requests = new ArrayList<>();
    for (String user : ordered) {
      requests.add(
          Request.cmd(Command.EXISTS).arg(TasteKeys.applied(user)).arg(TasteKeys.erased(user)));
    }
    List<Response> responses = batch(requests);
    Set<String> known = new HashSet<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (responses.get(i).toLong() > 0) {
        known.add(ordered.get(i));
      }
    }
    return known;
  }

  /** The layout version this Redis holds, empty before the first start of this layout. */
  public Optional<String> layout() {
    Response r = send(Request.cmd(Command.GET).arg(TasteKeys.LAYOUT));
    return r == null ? Optional.empty() : Optional.of(r.toString());
  }

  public void layout(String version) {
    send(Request.cmd(Command.SET).arg(TasteKeys.LAYOUT).arg(version));
  }

  /** Calls {@code each} with every key matching the pattern (SCAN: no blocking of Redis). */
  public void scan(String pattern, Consumer<String> each) {
    String cursor = "0";
    do {
      Response r =
          send(
              Request.cmd(Command.SCAN)
                  .arg(cursor)
                  .arg("MATCH")
                  .arg(pattern)
                  .arg("COUNT")
                  .arg(1000));
      cursor = r.get(0).toString();
      for (Response key : r.get(1)) {
        each.accept(key.toString());
      }
    } while (!"0".equals(cursor));
  }

  /** Deletes the keys (in batches of the caller's choosing). */
  public void delete(Collection<String> keys) {
    if (!keys.isEmpty()) {
      Request del = Request.cmd(Command.DEL);
      keys.forEach(del::arg);
      send(del);
    }
  }

  private Response send(Request request) {
    return redis.send(request).await().atMost(TIMEOUT);
  }

  private List<Response> batch(List<Request> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    return redis.batch(requests).await().atMost(TIMEOUT);
  }

  private static String jsonArray(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("genres cannot be written as JSON", e);
    }
  }

  /** A flat field/value array (as HGETALL returns it in a script) as a map. */
  private static Map<String, String> pairs(Response flat) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      out.put(flat.get(i).toString(), flat.get(i + 1).toString());
    }
    return out;
  }

  private static Map<String, Double> doubles(Response flat) {
    Map<String, Double> out = new HashMap<>();
    pairs(flat).forEach((k, v) -> out.put(k, Double.parseDouble(v)));
    return out;
  }

  private static Set<String> strings(Response array) {
    Set<String> out = new HashSet<>();
    for (Response r : array) {
      out.add(r.toString());
    }
    return out;
  }
}
