package dev.moviedb.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final List<String> RANKING = List.of("a", "b", "c", "d", "e");

  @Test
  void hitAt_countsOnlyTheFirstK() {
    assertThat(Metrics.hitAt(RANKING, Set.of("c"), 3)).isEqualTo(1.0);
    assertThat(Metrics.hitAt(RANKING, Set.of("c"), 2)).isEqualTo(0.0);
    assertThat(Metrics.hitAt(RANKING, Set.of("a"), 1)).isEqualTo(1.0);
  }

  @Test
  void hitAt_givenEmptyRankingOrNoAnswer_isZero() {
    assertThat(Metrics.hitAt(List.<String>of(), Set.of("a"), 10)).isZero();
    assertThat(Metrics.hitAt(RANKING, Set.<String>of(), 10)).isZero();
    assertThat(Metrics.hitAt(RANKING, Set.of("z"), 10)).isZero();
  }

  @Test
  void hitAt_givenKBeyondTheRanking_looksAtAll() {
    assertThat(Metrics.hitAt(RANKING, Set.of("e"), 100)).isEqualTo(1.0);
  }

  @Test
  void reciprocalRank_usesTheFirstAcceptedAnswer() {
    assertThat(Metrics.reciprocalRank(RANKING, Set.of("d", "b"), 100)).isEqualTo(0.5);
    assertThat(Metrics.reciprocalRank(RANKING, Set.of("a"), 100)).isEqualTo(1.0);
    assertThat(Metrics.reciprocalRank(RANKING, Set.of("e"), 100)).isEqualTo(0.2);
  }

  @Test
  void reciprocalRank_givenAnswerBelowTheCutoff_isZero() {
    assertThat(Metrics.reciprocalRank(RANKING, Set.of("e"), 4)).isZero();
    assertThat(Metrics.reciprocalRank(RANKING, Set.of("z"), 100)).isZero();
  }

  @Test
  void ndcg_givenAllRelevantOnTop_isOne() {
    assertThat(Metrics.ndcgAt(RANKING, Set.of("a", "b"), 10)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void ndcg_givenOneRelevantAtRankTwo_isOneOverLog2Of3() {
    double expected = 1 / (Math.log(3) / Math.log(2));
    assertThat(Metrics.ndcgAt(RANKING, Set.of("b"), 10)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void ndcg_idealIsCappedAtK() {
    // three relevant titles, k = 2: ideal is two hits; ranking has one at rank 1
    double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
    assertThat(Metrics.ndcgAt(RANKING, Set.of("a", "x", "y"), 2))
        .isCloseTo(1 / ideal, within(1e-12));
  }

  @Test
  void ndcg_givenNothingRelevantOrEmptyInput_isZero() {
    assertThat(Metrics.ndcgAt(RANKING, Set.<String>of(), 10)).isZero();
    assertThat(Metrics.ndcgAt(List.<String>of(), Set.of("a"), 10)).isZero();
    assertThat(Metrics.ndcgAt(RANKING, Set.of("z"), 10)).isZero();
    assertThat(Metrics.ndcgAt(RANKING, Set.of("a"), 0)).isZero();
  }

  @Test
  void mean_ofNothing_isZero() {
    assertThat(Metrics.mean(List.of())).isZero();
    assertThat(Metrics.mean(List.of(1.0, 0.0))).isEqualTo(0.5);
  }

  @Test
  void paired_givesMeanAndStandardErrorOfTheCaseByCaseDifference() {
    // differences 1, 0, 1, 0: mean 0.5, sample sd sqrt(1/3), SE sqrt(1/3) / 2
    Metrics.Difference d = Metrics.paired(List.of(1.0, 1.0, 1.0, 0.0), List.of(0.0, 1.0, 0.0, 0.0));
    assertThat(d.mean()).isEqualTo(0.5);
    assertThat(d.standardError()).isCloseTo(Math.sqrt(1.0 / 3) / 2, within(1e-12));
    assertThat(d.cases()).isEqualTo(4);
    assertThat(d.isClear()).isFalse();
  }

  @Test
  void paired_givenTheSameGainOnEveryCase_isClear_andNoDifferenceIsNot() {
    assertThat(Metrics.paired(List.of(0.5, 0.7, 0.9), List.of(0.4, 0.6, 0.8)).isClear()).isTrue();
    assertThat(Metrics.paired(List.of(0.5, 0.7), List.of(0.5, 0.7)).isClear()).isFalse();
    assertThat(Metrics.paired(List.of(), List.of()).cases()).isZero();
  }

  @Test
  void paired_givenListsOfDifferentLength_isRefused() {
    assertThatThrownBy(() -> Metrics.paired(List.of(1.0), List.of(1.0, 0.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rrf_givenAgreeingRankings_keepsTheSharedWinnerFirst() {
    List<String> fused = Rrf.fuse(List.of(List.of("a", "b", "c"), List.of("b", "a", "d")), 60, 10);
    assertThat(fused).containsExactly("a", "b", "c", "d");
    assertThat(Rrf.fuse(List.of(List.of("x", "y"), List.<String>of()), 60, 1)).containsExactly("x");
  }

  @Test
  void top_ranksByScoreWithinTheAllowedPositions() {
    double[] scores = {0.1, 0.9, 0.5, 0.9, 0.7};
    assertThat(Rankings.top(scores, 3, i -> true)).containsExactly(1, 3, 4);
    assertThat(Rankings.top(scores, 3, i -> i != 1)).containsExactly(3, 4, 2);
  }

  @Test
  void zScores_haveMeanZero_andConstantInputGivesZeros() {
    double[] z = Rankings.zScores(new double[] {1, 2, 3});
    assertThat(z[0] + z[1] + z[2]).isCloseTo(0, within(1e-12));
    assertThat(z[2]).isGreaterThan(z[1]);
    assertThat(Rankings.zScores(new double[] {4, 4})).containsExactly(0.0, 0.0);
  }
}
