package dev.moviedb.tastestate.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.tastestate.ApplyResult;
import dev.moviedb.tastestate.SignalWeights;
import dev.moviedb.tastestate.TasteChange;
import dev.moviedb.tastestate.TasteKeys;
import dev.moviedb.tastestate.TasteSnapshot;
import dev.moviedb.tastestate.TasteSnapshot.TitleState;
import dev.moviedb.tastestate.TasteWeights;
import dev.moviedb.testing.SharedInfra;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The taste state on a real Redis: what is written is what is read, once, in any order. */
class RedisTasteStateTest {

  private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");
  private static Vertx vertx;
  private static Redis redis;
  private static RedisTasteState state;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, SharedInfra.redis().url());
    state = new RedisTasteState(redis);
  }

  @AfterAll
  static void close() {
    redis.close();
    vertx.closeAndAwait();
  }

  @Test
  void givenResolvedEvents_readers_seeTheWeightsWatchedSetNamesAndCounts() {
    String user = user();
    ApplyResult result = state.apply(history(user));

    assertThat(result).isEqualTo(new ApplyResult(6, 0, 0, 0));
    TasteWeights weights = state.weights(user).orElseThrow();
    SignalWeights w = SignalWeights.DEFAULTS;
    double series =
        w.of(Signal.WATCHED, 3000L, at("2024-02-01T20:00:00Z")).weight()
            + w.of(Signal.WATCHED, 600L, at("2024-02-02T20:00:00Z")).weight();
    assertThat(weights.positive())
        .containsOnlyKeys("t:loved", "t:liked", "t:series", "t:listed")
        .hasEntrySatisfying("t:series", v -> assertThat(v).isCloseTo(series, within(1e-12)));
    assertThat(weights.negative()).containsOnlyKeys("t:disliked");
    assertThat(weights.watched())
        .as("a listed title is not watched")
        .containsExactlyInAnyOrder("t:loved", "t:liked", "t:series", "t:disliked");

    TasteSnapshot snapshot = state.snapshot(user).orElseThrow();
    assertThat(snapshot.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("LOVED", 1L, "LIKED", 1L, "WATCHED", 2L, "DISLIKED", 1L, "LISTED", 1L));
    assertThat(snapshot.updatedAt()).isEqualTo(at("2024-04-01T10:00:00Z"));
    assertThat(snapshot.titles())
        .extracting(TitleState::titleId, TitleState::title, TitleState::firstAt, TitleState::lastAt)
        .contains(
            tuple(
                "t:series",
                "Harbour Lights",
                at("2024-02-01T20:00:00Z"),
                at("2024-02-02T20:00:00Z")));
    assertThat(snapshot.genres()).containsOnlyKeys("Drama", "Crime");
    assertThat(snapshot.unresolved()).isEmpty();
  }

  @Test
  void givenShuffledReplayWithDuplicates_state_equalsOneOrderlyPass() {
    String orderly = user();
    String shuffledUser = user();
    state.apply(history(orderly));
    List<TasteChange> shuffled = new ArrayList<>(history(shuffledUser));
    shuffled.addAll(history(shuffledUser).subList(0, 3));
    Collections.shuffle(shuffled, new Random(42));

    ApplyResult result = state.apply(shuffled);

    assertThat(result.duplicates()).isEqualTo(3);
    assertSameState(shuffledUser, orderly);
  }

  @Test
  void givenConcurrentAppliersInTheirOwnOrder_state_equalsOneOrderlyPass() throws Exception {
    String orderly = user();
    String concurrent = user();
    state.apply(history(orderly));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int worker = 0; worker < 4; worker++) {
      List<TasteChange> mine = new ArrayList<>(history(concurrent));
      Collections.shuffle(mine, new Random(worker));
      done.add(pool.submit(() -> mine.forEach(c -> state.apply(List.of(c)))));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertSameState(concurrent, orderly);
  }

  @Test
  void givenUnresolvedEventResolvedLater_state_movesItFromUnresolvedToItsTitle() {
    String user = user();
    WatchRecorded raw = raw(user, "e-raw", "Signs: Seizoen 1: Aflevering 1");
    TasteChange.Unresolved unresolved = unresolved(raw, List.of("signs seizoen 1", "signs"));
    state.apply(List.of(unresolved));

    assertThat(state.snapshot(user).orElseThrow().unresolved())
        .containsExactly(Map.entry("Signs: Seizoen 1: Aflevering 1", 1L));
    assertThat(state.pending(user)).containsExactly(raw);
    assertThat(state.waiting(List.of("signs", "nothing"))).containsOnlyKeys("signs");
    assertThat(state.weights(user)).isEmpty();

    TasteChange.Resolved later =
        resolved(user, "e-raw", "t:signs", "Signs", Signal.WATCHED, null, "2023-06-28T00:00:00Z");
    assertThat(state.apply(List.of(later))).isEqualTo(new ApplyResult(0, 0, 1, 0));
    assertThat(state.apply(List.of(unresolved, later)))
        .as("both again: nothing changes")
        .isEqualTo(new ApplyResult(0, 2, 0, 0));

    TasteSnapshot snapshot = state.snapshot(user).orElseThrow();
    assertThat(snapshot.unresolved()).isEmpty();
    assertThat(snapshot.counts()).containsExactly(Map.entry("WATCHED", 1L));
    assertThat(snapshot.titles()).extracting(TitleState::title).containsExactly("Signs");
    assertThat(state.pending(user)).isEmpty();
  }

  @Test
  void givenResolvedCopyFirst_laterUnresolvedOriginal_isADuplicate() {
    String user = user();
    WatchRecorded raw = raw(user, "e-raw", "Dark: Season 1: Secrets");
    state.apply(
        List.of(
            resolved(
                user, "e-raw", "t:dark", "Dark", Signal.WATCHED, null, "2024-01-01T00:00:00Z")));

    assertThat(state.apply(List.of(unresolved(raw, List.of("dark")))).duplicates()).isEqualTo(1);
    assertThat(state.snapshot(user).orElseThrow().unresolved()).isEmpty();
  }

  @Test
  void givenErasure_state_isGoneAndEventsPublishedBeforeItNeverComeBack() {
    String user = user();
    state.apply(history(user));
    WatchRecorded nowhere = raw(user, "e-raw", "Nowhere");
    state.apply(List.of(unresolved(nowhere, List.of(user + "-nowhere"))));
    assertThat(state.waiting(List.of(user + "-nowhere")).get(user + "-nowhere")).contains(user);

    List<String> removed = state.erase(user, names(user), PUBLISHED.plusSeconds(60));

    assertThat(removed).contains(TasteKeys.positive(user), TasteKeys.pending(user));
    assertThat(state.snapshot(user)).isEmpty();
    assertThat(state.waiting(List.of(user + "-nowhere"))).doesNotContainKey(user + "-nowhere");
    assertThat(state.apply(history(user)))
        .as("a replay of what was published before the erasure")
        .isEqualTo(new ApplyResult(0, 0, 0, 6));
    assertThat(state.apply(List.of(unresolved(nowhere, List.of(user + "-nowhere")))).erased())
        .as("a replayed unresolved event")
        .isEqualTo(1);
    assertThat(state.snapshot(user)).isEmpty();
    assertThat(state.waiting(List.of(user + "-nowhere")))
        .as("a replayed unresolved event does not put the user back among the waiting")
        .doesNotContainKey(user + "-nowhere");
    assertThat(keysNaming(user)).containsExactly(TasteKeys.erased(user));

    TasteChange.Resolved after =
        new TasteChange.Resolved(
            user,
            "e-after",
            PUBLISHED.plusSeconds(120),
            at("2026-01-01T00:01:00Z"),
            Signal.LIKED,
            "t:new",
            "New",
            List.of(),
            SignalWeights.DEFAULTS.of(Signal.LIKED, null, at("2026-01-01T00:01:00Z")));
    assertThat(state.apply(List.of(after)).applied()).isEqualTo(1);
    assertThat(state.weights(user).orElseThrow().positive()).containsOnlyKeys("t:new");
  }

  @Test
  void erasureMarker_livesUntilTheTopicCanHoldNoEventOfBeforeIt_andAnEarlierErasureDoesNotMoveIt() {
    String user = user();
    state.apply(history(user));

    state.erase(user, names(user), PUBLISHED.plusSeconds(60));
    state.erase(user, names(user), PUBLISHED.plusSeconds(30));

    long ttl =
        redis
            .send(Request.cmd(Command.PTTL).arg(TasteKeys.erased(user)))
            .await()
            .indefinitely()
            .toLong();
    assertThat(ttl).isPositive().isLessThanOrEqualTo(TasteKeys.ERASED_TTL.toMillis());
    assertThat(TasteKeys.ERASED_TTL).isGreaterThan(java.time.Duration.ofDays(29));
    assertThat(state.stored(user))
        .containsOnlyKeys(TasteKeys.erased(user))
        .extractingByKey(TasteKeys.erased(user))
        .asString()
        .contains("erasedAt=" + PUBLISHED.plusSeconds(60));
  }

  @Test
  void givenAnEventArrivingBetweenReadingThePendingAndTheErasure_theErasureReadsAgain() {
    String user = user();
    WatchRecorded first = raw(user, "e-first", "Nowhere");
    WatchRecorded late = raw(user, "e-late", "Elsewhere");
    state.apply(List.of(unresolved(first, List.of(user + "-nowhere"))));
    int[] reads = {0};

    state.erase(
        user,
        () -> {
          if (reads[0]++ == 0) {
            Map<String, java.util.Collection<String>> stale =
                Map.of("e-first", List.of(user + "-nowhere"));
            state.apply(List.of(unresolved(late, List.of(user + "-elsewhere"))));
            return stale;
          }
          return names(user).get();
        },
        PUBLISHED.plusSeconds(60));

    assertThat(reads[0]).isEqualTo(2);
    assertThat(state.waiting(List.of(user + "-nowhere", user + "-elsewhere"))).isEmpty();
    assertThat(keysNaming(user)).containsExactly(TasteKeys.erased(user));
  }

  @Test
  void stored_isEveryKeyOfTheUserAsItIs() {
    String user = user();
    state.apply(history(user));
    state.apply(List.of(unresolved(raw(user, "e-raw", "Nowhere"), List.of(user + "-nowhere"))));

    Map<String, Object> stored = state.stored(user);

    assertThat(stored)
        .containsKeys(
            TasteKeys.applied(user),
            TasteKeys.positive(user),
            TasteKeys.negative(user),
            TasteKeys.watched(user),
            TasteKeys.titles(user),
            TasteKeys.summary(user),
            TasteKeys.pending(user),
            TasteKeys.unresolved(user))
        .doesNotContainKey(TasteKeys.erased(user));
    assertThat(stored.get(TasteKeys.pending(user)).toString()).contains("Nowhere");
  }

  /** The waiting names of the user's pending events, as taste-profile-service computes them. */
  private static java.util.function.Supplier<Map<String, java.util.Collection<String>>> names(
      String user) {
    return () -> {
      Map<String, java.util.Collection<String>> names = new java.util.HashMap<>();
      for (WatchRecorded e : state.pending(user)) {
        names.put(
            e.eventId(), List.of(user + "-" + e.rawTitle().toLowerCase(java.util.Locale.ROOT)));
      }
      return names;
    };
  }

  /** Every key whose name, or any of whose members or values, holds the user id. */
  private static List<String> keysNaming(String user) {
    List<String> found = new ArrayList<>();
    state.scan(
        "*",
        key -> {
          String type =
              redis.send(Request.cmd(Command.TYPE).arg(key)).await().indefinitely().toString();
          String content =
              switch (type) {
                case "hash" ->
                    redis
                        .send(Request.cmd(Command.HGETALL).arg(key))
                        .await()
                        .indefinitely()
                        .toString();
                case "set" ->
                    redis
                        .send(Request.cmd(Command.SMEMBERS).arg(key))
                        .await()
                        .indefinitely()
                        .toString();
                case "string" ->
                    String.valueOf(
                        redis.send(Request.cmd(Command.GET).arg(key)).await().indefinitely());
                default -> "";
              };
          if (key.contains(user) || content.contains(user)) {
            found.add(key);
          }
        });
    return found;
  }

  @Test
  void noKeyOfAUser_holdsAVectorOrAModel() {
    String user = user();
    state.apply(history(user));

    for (String key : TasteKeys.data(user)) {
      String type =
          redis.send(Request.cmd(Command.TYPE).arg(key)).await().indefinitely().toString();
      if (type.equals("hash")) {
        for (var value : redis.send(Request.cmd(Command.HVALS).arg(key)).await().indefinitely()) {
          assertThat(value.toString()).as(key).doesNotContain("[").hasSizeLessThan(200);
        }
      }
    }
    assertThat(state.snapshot(user).orElseThrow().counts()).doesNotContainKey("model");
  }

  private static void assertSameState(String actualUser, String expectedUser) {
    TasteWeights a = state.weights(actualUser).orElseThrow();
    TasteWeights e = state.weights(expectedUser).orElseThrow();
    assertThat(a.watched()).isEqualTo(e.watched());
    assertThat(a.positive()).containsOnlyKeys(e.positive().keySet());
    e.positive()
        .forEach((id, v) -> assertThat(a.positive().get(id)).isCloseTo(v, within(1e-12 * v)));
    assertThat(a.negative()).containsOnlyKeys(e.negative().keySet());
    e.negative()
        .forEach((id, v) -> assertThat(a.negative().get(id)).isCloseTo(v, within(1e-12 * v)));
    TasteSnapshot sa = state.snapshot(actualUser).orElseThrow();
    TasteSnapshot se = state.snapshot(expectedUser).orElseThrow();
    assertThat(sa.counts()).isEqualTo(se.counts());
    assertThat(sa.updatedAt()).isEqualTo(se.updatedAt());
    assertThat(sa.titles())
        .usingRecursiveComparison()
        .withComparatorForType(
            (x, y) -> Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y)) ? 0 : 1,
            Double.class)
        .isEqualTo(se.titles());
  }

  private static List<TasteChange> history(String user) {
    return List.of(
        resolved(
            user, "e-loved", "t:loved", "Salt Roads", Signal.LOVED, null, "2024-04-01T10:00:00Z"),
        resolved(
            user, "e-liked", "t:liked", "Paper Boats", Signal.LIKED, null, "2024-01-01T10:00:00Z"),
        resolved(
            user,
            "e-w1",
            "t:series",
            "Harbour Lights",
            Signal.WATCHED,
            3000L,
            "2024-02-01T20:00:00Z"),
        resolved(
            user,
            "e-w2",
            "t:series",
            "Harbour Lights",
            Signal.WATCHED,
            600L,
            "2024-02-02T20:00:00Z"),
        resolved(
            user,
            "e-dis",
            "t:disliked",
            "Winter Orchard",
            Signal.DISLIKED,
            null,
            "2024-03-01T10:00:00Z"),
        resolved(
            user, "e-list", "t:listed", "Lanterns", Signal.LISTED, null, "2024-03-05T10:00:00Z"));
  }

  private static TasteChange.Resolved resolved(
      String user, String id, String titleId, String name, Signal signal, Long seconds, String at) {
    return new TasteChange.Resolved(
        user,
        id,
        PUBLISHED,
        at(at),
        signal,
        titleId,
        name,
        titleId.equals("t:series") ? List.of("Drama", "Crime") : List.of("Drama"),
        SignalWeights.DEFAULTS.of(signal, seconds, at(at)));
  }

  private static WatchRecorded raw(String user, String id, String rawTitle) {
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        id,
        user,
        "Anna",
        null,
        rawTitle,
        Signal.WATCHED,
        null,
        at("2023-06-28T00:00:00Z"),
        "NetflixViewingHistory.csv:2",
        null,
        null,
        null);
  }

  private static TasteChange.Unresolved unresolved(WatchRecorded e, List<String> names) {
    return new TasteChange.Unresolved(
        e.userId(), e.eventId(), PUBLISHED, e.occurredAt(), e.signal(), e.rawTitle(), e, names);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static String user() {
    return "user-" + UUID.randomUUID();
  }
}
