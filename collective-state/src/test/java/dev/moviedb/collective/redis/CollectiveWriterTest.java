package dev.moviedb.collective.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.collective.BatchSignals;
import dev.moviedb.collective.Events;
import dev.moviedb.collective.Events.UserWatch;
import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.SignalState;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Erase;
import dev.moviedb.collective.redis.CollectiveWriter.Watch;
import io.vertx.mutiny.redis.client.Command;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming state in a real Redis against the batch definition ({@link BatchSignals}): any
 * order, any redelivery, any crash between the writer's steps, and erasure.
 */
class CollectiveWriterTest extends CollectiveRedisTest {

  /** Small bounds, so that every cap is hit by the random histories. */
  static final SignalParams SMALL = new SignalParams(3, 8, 15, 5, 1);

  @Test
  void givenShuffledAndRedeliveredEvents_stream_equalsTheOrderedBatchComputation() {
    List<UserWatch> events = Events.random(7, 25, 30, 60);
    List<UserWatch> delivered = new ArrayList<>(events);
    delivered.addAll(events.subList(0, events.size() / 3)); // redelivered
    Collections.shuffle(delivered, new Random(11));
    CollectiveWriter writer = new CollectiveWriter(redis, SMALL, Similarity.COSINE);

    applyInRandomBatches(writer, delivered, new Random(3));
    writer.refreshAll();

    assertSameState(new CollectiveReader(redis, 1, Clock.systemUTC()).snapshot(), batch(events));
    assertTopListsAreTheBatchNeighbours(events);
  }

  @Test
  void givenACrashAfterEachStep_redelivery_neitherLosesNorDoublesAnything() {
    List<UserWatch> events = Events.random(21, 12, 20, 40);
    CollectiveWriter writer = new CollectiveWriter(redis, SMALL, Similarity.COSINE);
    for (int i = 0; i < events.size(); i++) {
      UserWatch e = events.get(i);
      Watch watch = new Watch(e.userId(), List.of(e.watched()));
      switch (i % 3) {
        case 0 -> writer.stepOneOnly(watch); // died after the user script
        case 1 -> writer.withoutStepThree(watch); // died before deleting the entry
        default -> {}
      }
    }
    // Every event comes again, as its offset was never committed.
    applyInRandomBatches(writer, events, new Random(5));

    assertSameState(new CollectiveReader(redis, 1, Clock.systemUTC()).snapshot(), batch(events));
    assertThat(keysMatching("moviedb:signals:*:pending")).as("no entry left pending").isZero();
  }

  @Test
  void givenAHeavyUser_userState_staysWithinItsCaps() {
    List<Watched> history = new ArrayList<>();
    Instant t = Instant.parse("2026-01-05T20:00:00Z");
    for (int i = 0; i < 600; i++) {
      history.add(new Watched("netflix:s" + (i % 250), Scope.of("netflix", "NL"), t));
      t = t.plusSeconds(7_200);
    }
    CollectiveWriter writer = new CollectiveWriter(redis, SMALL, Similarity.COSINE);

    for (int from = 0; from < history.size(); from += 50) {
      writer.apply(List.of(new Watch("heavy", history.subList(from, from + 50))));
    }
    writer.refreshAll();

    assertThat(card(Command.ZCARD, CollectiveKeys.contributions("heavy")))
        .isEqualTo(SMALL.contributions());
    assertThat(card(Command.ZCARD, CollectiveKeys.recent("heavy"))).isEqualTo(SMALL.recentTitles());
    assertThat(card(Command.HLEN, CollectiveKeys.scopeItems("heavy")))
        .isLessThanOrEqualTo(SMALL.contributions());
    SignalState state = new CollectiveReader(redis, 1, Clock.systemUTC()).snapshot();
    assertThat(state.counts()).hasSize(SMALL.recentTitles());
    assertThat(state.rows().values())
        .allSatisfy(row -> assertThat(row.size()).isLessThanOrEqualTo(2 * SMALL.pairReach()));
    for (String item : state.counts().keySet()) {
      assertThat(card(Command.ZCARD, CollectiveKeys.top(item)))
          .isLessThanOrEqualTo(SMALL.neighbours());
    }
    assertSameState(state, BatchSignals.compute(Map.of("heavy", history), SMALL));
  }

  @Test
  void givenAnErasedUser_aggregates_equalThoseComputedWithoutThem() {
    List<UserWatch> events = Events.random(33, 10, 15, 40);
    CollectiveWriter writer = new CollectiveWriter(redis, SMALL, Similarity.COSINE);
    applyInRandomBatches(writer, events, new Random(8));

    writer.apply(List.of(new Erase("user-3"), new Erase("user-7")));
    writer.refreshAll();

    List<UserWatch> without =
        events.stream().filter(e -> !List.of("user-3", "user-7").contains(e.userId())).toList();
    assertSameState(new CollectiveReader(redis, 1, Clock.systemUTC()).snapshot(), batch(without));
    assertTopListsAreTheBatchNeighbours(without);
    assertThat(keysMatching("*{user-3}*")).as("keys of the erased user").isZero();
    assertThat(card(Command.HLEN, CollectiveKeys.trendingApplied()))
        .isEqualTo(Events.byUser(without).size());
    assertThat(
            redis
                .send(
                    io.vertx.mutiny.redis.client.Request.cmd(Command.HEXISTS)
                        .arg(CollectiveKeys.coWatchApplied())
                        .arg("user-3"))
                .await()
                .indefinitely()
                .toBoolean())
        .isFalse();
  }

  @Test
  void givenAnErasureBetweenTwoRunsOfTheSameUser_laterEventsCountAfresh() {
    Watched before = new Watched("netflix:a", Scope.GLOBAL, Instant.parse("2026-11-01T20:00:00Z"));
    Watched after = new Watched("netflix:b", Scope.GLOBAL, Instant.parse("2026-11-02T20:00:00Z"));
    CollectiveWriter writer = new CollectiveWriter(redis, SMALL, Similarity.COSINE);

    writer.apply(
        List.of(
            new Watch("anna", List.of(before)),
            new Erase("anna"),
            new Watch("anna", List.of(after))));

    assertSameState(
        new CollectiveReader(redis, 1, Clock.systemUTC()).snapshot(),
        BatchSignals.compute(Map.of("anna", List.of(after)), SMALL));
  }

  static void applyInRandomBatches(CollectiveWriter writer, List<UserWatch> events, Random random) {
    int i = 0;
    while (i < events.size()) {
      int size = 1 + random.nextInt(40);
      List<UserWatch> batch = events.subList(i, Math.min(events.size(), i + size));
      Map<String, List<Watched>> byUser = new LinkedHashMap<>();
      batch.forEach(
          e -> byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e.watched()));
      List<Change> changes = new ArrayList<>();
      byUser.forEach((u, w) -> changes.add(new Watch(u, w)));
      writer.apply(changes);
      i += size;
    }
  }

  static SignalState batch(List<UserWatch> events) {
    return BatchSignals.compute(Events.byUser(events), SMALL);
  }

  static void assertSameState(SignalState stream, SignalState batch) {
    assertThat(stream.users()).isEqualTo(batch.users());
    assertThat(stream.rows()).isEqualTo(batch.rows());
    assertThat(stream.counts()).isEqualTo(batch.counts());
    assertThat(stream.listUsers()).isEqualTo(batch.listUsers());
    assertThat(stream.weights().keySet()).isEqualTo(batch.weights().keySet());
    batch
        .weights()
        .forEach(
            (scope, byHorizon) -> {
              for (Horizon h : Horizon.values()) {
                Map<String, Double> expected = byHorizon.get(h);
                Map<String, Double> actual = stream.weights().get(scope).get(h);
                assertThat(actual.keySet()).as(scope + " " + h).isEqualTo(expected.keySet());
                expected.forEach(
                    (item, w) ->
                        assertThat(actual.get(item))
                            .as(scope + " " + h + " " + item)
                            .isCloseTo(w, within(w * 1e-9)));
              }
            });
  }

  void assertTopListsAreTheBatchNeighbours(List<UserWatch> events) {
    SignalState expected = batch(events);
    CollectiveReader reader = new CollectiveReader(redis, 1, Clock.systemUTC());
    for (String item : expected.counts().keySet()) {
      var want = expected.neighbours(item, Similarity.COSINE, SMALL);
      var got = reader.neighbours(item, SMALL.neighbours());
      assertThat(got)
          .extracting(n -> n.item())
          .as(item)
          .containsExactlyElementsOf(want.stream().map(n -> n.item()).toList());
      for (int i = 0; i < want.size(); i++) {
        assertThat(got.get(i).score()).isCloseTo(want.get(i).score(), within(1e-12));
      }
    }
  }
}
