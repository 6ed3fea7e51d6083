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
   * KEYS: applied, pos, neg, watched, titles, genres, summary, pending, unresolved, erased, then
   * the waiting sets the batch's unresolved events name. ARGV: 11 values per change: kind (r|u),
   * eventId, publishedAt ms, occurredAt ms, signal, then for r: titleId, side (pos|neg), weight,
   * watched (1|0), name, genres (JSON array); for u: raw title, the event (JSON), the user id, the
   * positions in KEYS of its waiting sets (space-separated), two empty values. Returns {applied,
   * duplicates, resolvedLater, erased}. An event published before the user's erasure changes
   * nothing, not even a waiting set. Times are kept as the strings given (Lua would print large
   * numbers in exponent form).
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
            for position in string.gmatch(ARGV[i + 8], '%d+') do
              redis.call('SADD', KEYS[tonumber(position)], ARGV[i + 7])
            end
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

  /**
   * KEYS: the user's data keys (pending at position 8), the erasure marker, then the waiting sets
   * of the user's pending events. ARGV: the erasure time (epoch ms), the marker's time to live
   * (ms), the user id, then the ids of the pending events those waiting sets were computed from.
   * When the user has a pending event outside that list (it arrived since), nothing changes and the
   * answer is {0}: read the pending events again and retry. Otherwise every data key goes, the user
   * leaves the waiting sets, the marker holds the later of its time and ARGV[1], and the answer is
   * {1, removed keys}.
   */
  static final String ERASE =
      """
      local covered = {}
      for i = 4, #ARGV do covered[ARGV[i]] = true end
      for _, id in ipairs(redis.call('HKEYS', KEYS[8])) do
        if not covered[id] then return {0} end
      end
      local removed = {}
      for i = 1, 9 do
        if redis.call('DEL', KEYS[i]) == 1 then table.insert(removed, KEYS[i]) end
      end
      for i = 11, #KEYS do redis.call('SREM', KEYS[i], ARGV[3]) end
      local before = redis.call('GET', KEYS[10])
      local at = ARGV[1]
      if before and tonumber(before) > tonumber(at) then at = before end
      redis.call('SET', KEYS[10], at, 'PX', ARGV[2])
      return {1, removed}
      """;

  /**
   * KEYS: the erasure marker. ARGV: the erasure time (epoch ms), the marker's time to live (ms).
   */
  static final String MARK_ERASED =
      """
      local before = redis.call('GET', KEYS[1])
      local at = ARGV[1]
      if before and tonumber(before) > tonumber(at) then at = before end
      redis.call('SET', KEYS[1], at, 'PX', ARGV[2])
      return 1
      """;

  /** KEYS: the user's data keys, then the erasure marker. Every value, as stored. */
  static final String READ_ALL =
      """
      return {redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]),
              redis.call('HGETALL', KEYS[3]), redis.call('SMEMBERS', KEYS[4]),
              redis.call('HGETALL', KEYS[5]), redis.call('HGETALL', KEYS[6]),
              redis.call('HGETALL', KEYS[7]), redis.call('HGETALL', KEYS[8]),
              redis.call('HGETALL', KEYS[9]), redis.call('GET', KEYS[10]) or '',
              redis.call('PTTL', KEYS[10])}
      """;

  /** How many times an erasure reads the pending events again when new ones keep arriving. */
  private static final int ERASE_ATTEMPTS = 20;

  private final Redis redis;
  private final long erasedTtlMillis;

  /**
   * The state as every writer and reader of MovieDB uses it (the marker lives {@link
   * TasteKeys#ERASED_TTL}).
   */
  public RedisTasteState(Redis redis) {
    this(redis, TasteKeys.ERASED_TTL);
  }

  /**
   * @param erasedTtl how long an erasure marker is kept (tests shorten it)
   */
  public RedisTasteState(Redis redis, Duration erasedTtl) {
    this.redis = redis;
    this.erasedTtlMillis = erasedTtl.toMillis();
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
    for (TasteChange c : changes) {
      byUser.computeIfAbsent(c.userId(), u -> new ArrayList<>()).add(c);
    }
    List<Request> requests = new ArrayList<>();
    byUser.forEach((user, own) -> requests.add(applyScript(user, own)));
    List<Response> responses = batch(requests);
    ApplyResult result = ApplyResult.NONE;
    for (Response r : responses) {
      result =
          result.plus(
              new ApplyResult(
                  r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong()));
    }
    return result;
  }

  private static Request applyScript(String user, List<TasteChange> changes) {
    List<String> keys =
        new ArrayList<>(
            List.of(
                TasteKeys.applied(user),
                TasteKeys.positive(user),
                TasteKeys.negative(user),
                TasteKeys.watched(user),
                TasteKeys.titles(user),
                TasteKeys.genres(user),
                TasteKeys.summary(user),
                TasteKeys.pending(user),
                TasteKeys.unresolved(user),
                TasteKeys.erased(user)));
    Map<String, Integer> waitingPositions = new LinkedHashMap<>();
    for (TasteChange c : changes) {
      if (c instanceof TasteChange.Unresolved u) {
        for (String name : u.waitingNames()) {
          waitingPositions.computeIfAbsent(
              TasteKeys.waiting(name),
              k -> {
                keys.add(k);
                return keys.size(); // Lua counts from 1
              });
        }
      }
    }
    Request eval = Request.cmd(Command.EVAL).arg(APPLY).arg(keys.size());
    keys.forEach(eval::arg);
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
        StringBuilder positions = new StringBuilder();
        for (String name : u.waitingNames()) {
          positions.append(waitingPositions.get(TasteKeys.waiting(name))).append(' ');
        }
        eval.arg(u.rawTitle())
            .arg(PendingEvents.encode(u.event()))
            .arg(user)
            .arg(positions.toString().strip())
            .arg("")
            .arg("");
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
   * Erases the user in one script: every data key goes, the user leaves every waiting set of their
   * pending events, and events published before {@code at} will never be applied again (a replay of
   * the topic does not bring the user back) for as long as the topic can hold such events.
   *
   * @param pendingNames the waiting names of each of the user's pending events, by event id; read
   *     again when an event arrived between the reading and the script
   * @return the keys that existed
   */
  public List<String> erase(
      String userId,
      java.util.function.Supplier<Map<String, Collection<String>>> pendingNames,
      Instant at) {
    for (int attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
      Map<String, Collection<String>> names = pendingNames.get();
      Set<String> waitingKeys = new LinkedHashSet<>();
      names.values().forEach(n -> n.forEach(name -> waitingKeys.add(TasteKeys.waiting(name))));
      Request eval =
          Request.cmd(Command.EVAL)
              .arg(ERASE)
              .arg(TasteKeys.data(userId).size() + 1 + waitingKeys.size());
      TasteKeys.data(userId).forEach(eval::arg);
      eval.arg(TasteKeys.erased(userId));
      waitingKeys.forEach(eval::arg);
      eval.arg(at.toEpochMilli()).arg(erasedTtlMillis).arg(userId);
      names.keySet().forEach(eval::arg);
      Response r = send(eval);
      if (r.get(0).toLong() == 1) {
        List<String> keys = new ArrayList<>();
        for (Response key : r.get(1)) {
          keys.add(key.toString());
        }
        return keys;
      }
    }
    throw new IllegalStateException(
        "events of user " + userId + " kept arriving while they were being erased; erase again");
  }

  /** Marks users as erased at {@code at} without touching anything else (see {@link #erase}). */
  public void markErased(Collection<String> userIds, Instant at) {
    List<Request> requests = new ArrayList<>();
    for (String user : userIds) {
      requests.add(
          Request.cmd(Command.EVAL)
              .arg(MARK_ERASED)
              .arg(1)
              .arg(TasteKeys.erased(user))
              .arg(at.toEpochMilli())
              .arg(erasedTtlMillis));
    }
    batch(requests);
  }

  /**
   * Every key of the user as stored, by key name: hashes as maps, the watched set as a sorted list,
   * the erasure marker as its time and remaining milliseconds (absent when there is none).
   */
  public Map<String, Object> stored(String userId) {
    List<String> keys = new ArrayList<>(TasteKeys.data(userId));
    keys.add(TasteKeys.erased(userId));
    Request eval = Request.cmd(Command.EVAL).arg(READ_ALL).arg(keys.size());
    keys.forEach(eval::arg);
    Response r = send(eval);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      Response value = r.get(i);
      Object content =
          keys.get(i).equals(TasteKeys.watched(userId))
              ? new java.util.TreeSet<>(strings(value))
              : new TreeMap<>(pairs(value));
      if (!(content instanceof Map<?, ?> m && m.isEmpty())
          && !(content instanceof Set<?> set && set.isEmpty())) {
        out.put(keys.get(i), content);
      }
    }
    String erasedAt = r.get(9).toString();
    if (!erasedAt.isEmpty()) {
      out.put(
          TasteKeys.erased(userId),
          Map.of(
              "erasedAt",
              Instant.ofEpochMilli(Long.parseLong(erasedAt)).toString(),
              "expiresInMillis",
              r.get(10).toLong()));
    }
    return out;
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
