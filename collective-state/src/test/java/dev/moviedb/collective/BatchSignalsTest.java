package dev.moviedb.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchSignalsTest {

  private static final SignalParams SMALL = new SignalParams(1, 3, 4, 5, 1);
  private static final Instant EVENING = Instant.parse("2026-11-20T19:00:00Z");

  @Test
  void givenABingeOfTenEpisodesInOneEvening_popularity_countsOneContribution() {
    List<Watched> binge = new ArrayList<>();
    for (int e = 0; e < 10; e++) {
      binge.add(new Watched("netflix:dark", Scope.GLOBAL, EVENING.plusSeconds(e * 1200L)));
    }

    SignalState state = BatchSignals.compute(Map.of("anna", binge), SMALL);

    assertThat(state.users().get(Scope.GLOBAL))
        .containsExactlyEntriesOf(Map.of("netflix:dark", 1L));
    assertThat(state.weights().get(Scope.GLOBAL).get(Horizon.WEEK).get("netflix:dark"))
        .isCloseTo(Horizon.WEEK.weight(binge.get(0).day()), within(1e-9));
  }

  @Test
  void givenAScopedWatch_popularity_countsInTheScopeAndGlobally() {
    Scope nl = Scope.of("Netflix", "nl");

    SignalState state =
        BatchSignals.compute(
            Map.of("anna", List.of(new Watched("netflix:dark", nl, EVENING))), SMALL);

    assertThat(state.users()).containsOnlyKeys(Scope.GLOBAL, nl);
    assertThat(nl.key()).isEqualTo("netflix:NL");
  }

  @Test
  void givenFourTitlesInTime_pairReachOne_pairsOnlyNeighboursInTime() {
    List<Watched> watched =
        List.of(
            new Watched("d", Scope.GLOBAL, EVENING.plusSeconds(3)),
            new Watched("a", Scope.GLOBAL, EVENING),
            new Watched("c", Scope.GLOBAL, EVENING.plusSeconds(2)),
            new Watched("b", Scope.GLOBAL, EVENING.plusSeconds(1)));

    SignalState state =
        BatchSignals.compute(Map.of("anna", watched), new SignalParams(1, 10, 10, 5, 1));

    assertThat(state.rows())
        .isEqualTo(
            Map.of(
                "a", Map.of("b", 1L),
                "b", Map.of("a", 1L, "c", 1L),
                "c", Map.of("b", 1L, "d", 1L),
                "d", Map.of("c", 1L)));
    assertThat(state.counts()).containsOnlyKeys("a", "b", "c", "d");
  }

  @Test
  void givenMoreTitlesThanTheListKeeps_coWatchList_keepsTheMostRecentByLatestWatch() {
    List<Watched> watched =
        List.of(
            new Watched("a", Scope.GLOBAL, EVENING),
            new Watched("b", Scope.GLOBAL, EVENING.plusSeconds(1)),
            new Watched("c", Scope.GLOBAL, EVENING.plusSeconds(2)),
            new Watched("d", Scope.GLOBAL, EVENING.plusSeconds(3)),
            new Watched("a", Scope.GLOBAL, EVENING.plusSeconds(4)));

    assertThat(BatchSignals.coWatchList(watched, SMALL)).containsExactly("c", "d", "a");
  }

  @Test
  void givenMoreContributionsThanKept_popularity_keepsTheMostRecentDays() {
    List<Watched> watched = new ArrayList<>();
    for (int d = 0; d < 6; d++) {
      watched.add(new Watched("t" + d, Scope.GLOBAL, EVENING.plusSeconds(d * 86_400L)));
    }

    SignalState state = BatchSignals.compute(Map.of("anna", watched), SMALL);

    assertThat(state.users().get(Scope.GLOBAL)).containsOnlyKeys("t2", "t3", "t4", "t5");
  }

  @Test
  void givenTwoCloseTitles_cosine_isCountOverRootOfBothCounts() {
    assertThat(Similarity.COSINE.score(2, 4, 9, 100)).isCloseTo(2 / 6.0, within(1e-12));
    assertThat(Similarity.PMI.score(2, 4, 9, 100)).isCloseTo(Math.log(200 / 36.0), within(1e-12));
  }
}
