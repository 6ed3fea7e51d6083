package dev.moviedb.recommend.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.tastestate.SignalWeights;
import dev.moviedb.tastestate.TasteChange;
import dev.moviedb.tastestate.redis.RedisTasteState;
import dev.moviedb.testing.SharedInfra;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between the two processes that share the taste state, on a real Redis: what
 * taste-profile-service writes (taste-state's writer, as it calls it) is what recommend-api's
 * adapter reads.
 */
class RedisTasteStoreTest {

  private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");
  private static Vertx vertx;
  private static Redis redis;
  private static RedisTasteState writer;
  private static RedisTasteStore reader;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, SharedInfra.redis().url());
    writer = new RedisTasteState(redis);
    reader = new RedisTasteStore(redis);
  }

  @AfterAll
  static void close() {
    redis.close();
    vertx.closeAndAwait();
  }

  @Test
  void whatTheTasteServiceWrites_isTheTasteRecommendApiReads() {
    String user = "user-" + UUID.randomUUID();
    SignalWeights w = SignalWeights.DEFAULTS;
    Instant jan = Instant.parse("2024-01-01T10:00:00Z");
    Instant feb = Instant.parse("2024-02-01T10:00:00Z");
    writer.apply(
        List.of(
            resolved(user, "e1", "netflix:s1", Signal.WATCHED, 900L, jan),
            resolved(user, "e2", "netflix:s1", Signal.LIKED, null, feb),
            resolved(user, "e3", "netflix:s2", Signal.DISLIKED, null, feb),
            resolved(user, "e4", "netflix:s3", Signal.LISTED, null, feb),
            unresolved(user, "e5", "Nowhere: Aflevering 1")));

    TasteWeights profile = reader.find(user).orElseThrow();

    assertThat(profile.positive()).containsOnlyKeys("netflix:s1", "netflix:s3");
    assertThat(profile.positive().get("netflix:s1"))
        .isCloseTo(
            w.of(Signal.WATCHED, 900L, jan).weight() + w.of(Signal.LIKED, null, feb).weight(),
            within(1e-12));
    assertThat(profile.negative())
        .containsOnlyKeys("netflix:s2")
        .hasEntrySatisfying(
            "netflix:s2",
            v -> assertThat(v).isCloseTo(w.of(Signal.DISLIKED, null, feb).weight(), within(1e-12)));
    assertThat(profile.watched()).containsExactlyInAnyOrder("netflix:s1", "netflix:s2");
  }

  @Test
  void givenAUserWithoutResolvedTitles_find_isEmpty() {
    String user = "user-" + UUID.randomUUID();
    writer.apply(List.of(unresolved(user, "e1", "Nowhere")));

    assertThat(reader.find(user)).isEmpty();
    assertThat(reader.find("nobody-" + UUID.randomUUID())).isEmpty();
  }

  private static TasteChange.Resolved resolved(
      String user, String id, String titleId, Signal signal, Long seconds, Instant at) {
    return new TasteChange.Resolved(
        user,
        id,
        PUBLISHED,
        at,
        signal,
        titleId,
        "Name of " + titleId,
        List.of("Dramas"),
        SignalWeights.DEFAULTS.of(signal, seconds, at));
  }

  private static TasteChange.Unresolved unresolved(String user, String id, String raw) {
    WatchRecorded e =
        new WatchRecorded(
            WatchRecorded.SCHEMA_VERSION,
            id,
            user,
            null,
            null,
            raw,
            Signal.WATCHED,
            null,
            PUBLISHED,
            "test",
            null,
            null,
            null);
    return new TasteChange.Unresolved(
        user, id, PUBLISHED, PUBLISHED, Signal.WATCHED, raw, e, List.of("nowhere"));
  }
}
