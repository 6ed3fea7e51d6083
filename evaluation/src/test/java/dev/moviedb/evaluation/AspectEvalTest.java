package dev.moviedb.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.evaluation.AspectEval.Variant;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class AspectEvalTest {

  // Four titles, their cosine to one request through each vector:
  //   title:   0    1    2    3
  //   full:  0.9  0.1  0.6  0.3
  //   plot:  0.2  0.8  0.7  0.1
  private static final double[] FULL = {0.9, 0.1, 0.6, 0.3};
  private static final double[] PLOT = {0.2, 0.8, 0.7, 0.1};
  private static final IntPredicate ALL = i -> true;

  @Test
  void default_ranksByTheDefaultVectorAlone() {
    // full: 0 (0.9) > 2 (0.6) > 3 (0.3) > 1 (0.1)
    assertThat(AspectEval.rank(Variant.DEFAULT, FULL, PLOT, ALL, false, 10))
        .containsExactly(0, 2, 3, 1);
  }

  @Test
  void plotOnly_ranksByThePlotVectorAlone() {
    // plot: 1 (0.8) > 2 (0.7) > 0 (0.2) > 3 (0.1)
    assertThat(AspectEval.rank(Variant.PLOT_ONLY, FULL, PLOT, ALL, false, 10))
        .containsExactly(1, 2, 0, 3);
  }

  @Test
  void mean_ranksByTheAverageOfBothCosines() {
    // means: 0 = 0.55, 1 = 0.45, 2 = 0.65, 3 = 0.2, so 2 > 0 > 1 > 3: title 2, second in both
    // rankings, overtakes title 0, which only the default vector likes.
    assertThat(AspectEval.rank(Variant.MEAN, FULL, PLOT, ALL, false, 10))
        .containsExactly(2, 0, 1, 3);
  }

  @Test
  void max_ranksByTheBetterOfBothCosines() {
    // max: 0 = 0.9, 1 = 0.8, 2 = 0.7, 3 = 0.3, so 0 > 1 > 2 > 3: each vector's favourite first.
    assertThat(AspectEval.rank(Variant.MAX, FULL, PLOT, ALL, false, 10))
        .containsExactly(0, 1, 2, 3);
  }

  @Test
  void rrf_sumsOneOverSixtyPlusRankInEachRanking() {
    // ranks (full, plot): 0 = (1, 3), 1 = (4, 1), 2 = (2, 2), 3 = (3, 4).
    // 0: 1/61 + 1/63 = 124/3843 = 0.032267
    // 2: 1/62 + 1/62 = 2/62     = 0.032258
    // 1: 1/64 + 1/61 = 125/3904 = 0.032018
    // 3: 1/63 + 1/64 = 127/4032 = 0.031498
    // so 0 > 2 > 1 > 3: unlike the mean, a title first in one ranking stays above one that is
    // second in both.
    assertThat(AspectEval.rank(Variant.RRF, FULL, PLOT, ALL, false, 10))
        .containsExactly(0, 2, 1, 3);
  }

  @Test
  void rrf_givenDepthTwo_fusesOnlyEachRankingsTopTwo() {
    // full's top 2: 0, 2; plot's top 2: 1, 2. 2: 1/62 + 1/62 = 0.03226; 0: 1/61 = 0.01639;
    // 1: 1/61 = 0.01639 (tie, first seen wins: 0 comes from the full ranking, read first).
    assertThat(AspectEval.rank(Variant.RRF, FULL, PLOT, ALL, false, 2)).containsExactly(2, 0);
  }

  @Test
  void routed_takesThePlotVectorForDescriptionsAndTheDefaultOtherwise() {
    assertThat(AspectEval.rank(Variant.ROUTED, FULL, PLOT, ALL, true, 10))
        .containsExactly(1, 2, 0, 3);
    assertThat(AspectEval.rank(Variant.ROUTED, FULL, PLOT, ALL, false, 10))
        .containsExactly(0, 2, 3, 1);
  }

  @Test
  void everyVariant_leavesOutTitlesTheFilterRejects() {
    IntPredicate notTwo = i -> i != 2;
    for (Variant v : Variant.values()) {
      assertThat(AspectEval.rank(v, FULL, PLOT, notTwo, true, 10))
          .as(v.id)
          .hasSize(3)
          .doesNotContain(2);
    }
    // without title 2 the mean ranks 0 (0.55) > 1 (0.45) > 3 (0.2)
    assertThat(AspectEval.rank(Variant.MEAN, FULL, PLOT, notTwo, false, 10))
        .containsExactly(0, 1, 3);
  }

  @Test
  void rank_givenScoresOfDifferentLengths_saysSo() {
    assertThatThrownBy(
            () -> AspectEval.rank(Variant.MEAN, FULL, new double[] {0.1}, ALL, false, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 vs 1");
  }

  @Test
  void aspectChoice_givenAFusionClearlyBetterOnTomtAndKeepingTheOthers_recommendsIt() {
    // TOMT: default finds the post at rank 2 in 10 posts of 20 (rr 0.5, else 0); mean finds it
    // first in those 10 and at rank 4 in 5 more, so mean - default = +0.5 on 10 posts, +0.25 on
    // 5, 0 on 5: clearly positive.
    AspectEval.AspectScore base = score(Variant.DEFAULT, tomt(10, 0.5, 0, 0), 0.8, 0.7);
    AspectEval.AspectScore mean = score(Variant.MEAN, tomt(10, 1.0, 5, 0.25), 0.8, 0.7);
    AspectEval.AspectScore plot = score(Variant.PLOT_ONLY, tomt(10, 1.0, 10, 1.0), 0.8, 0.1);

    assertThat(SweepReport.aspectShortfalls(mean, base)).isEmpty();
    // plot alone is better still on TOMT but keeps 0.1 / 0.7 = 14 % of the people hit@10
    assertThat(SweepReport.aspectShortfalls(plot, base))
        .containsExactly("it keeps 14 % of the people hit@10");
    assertThat(SweepReport.aspectChoice(List.of(base, plot, mean), "m"))
        .startsWith("**Aspect vectors**: ranking over both vectors by mean")
        .contains("product side is not built");
  }

  @Test
  void aspectChoice_givenNoVariantPassing_keepsOneVectorAndSaysWhy() {
    AspectEval.AspectScore base = score(Variant.DEFAULT, tomt(10, 0.5, 0, 0), 0.8, 0.7);
    // one post better by 0.5, the rest equal: mean 0.025, not over two standard errors
    AspectEval.AspectScore max = score(Variant.MAX, tomt(1, 1.0, 9, 0.5), 0.7, 0.7);

    assertThat(SweepReport.aspectShortfalls(max, base))
        .containsExactly("its TOMT MRR is not clearly higher", "its labelled MRR is lower");
    assertThat(SweepReport.aspectChoice(List.of(base, max), "m"))
        .startsWith("**Aspect vectors**: one vector per title")
        .contains("best TOMT MRR: max");
  }

  /**
   * Reciprocal ranks of 20 TOMT posts: {@code a} posts at {@code rrA}, then {@code b} at {@code
   * rrB}, the rest missed (0).
   */
  private static CaseMetrics tomt(int a, double rrA, int b, double rrB) {
    CaseMetrics m = new CaseMetrics();
    for (int i = 0; i < 20; i++) {
      m.rr.add(i < a ? rrA : i < a + b ? rrB : 0.0);
    }
    return m;
  }

  /** One labelled request with reciprocal rank {@code labelledRr}; 10 people requests. */
  private static AspectEval.AspectScore score(
      Variant v, CaseMetrics tomt, double labelledRr, double peopleHit10) {
    CaseMetrics labelled = new CaseMetrics();
    labelled.rr.add(labelledRr);
    CaseMetrics people = new CaseMetrics();
    for (int i = 0; i < 10; i++) {
      people.hit10.add(i < Math.round(peopleHit10 * 10) ? 1.0 : 0.0);
    }
    return new AspectEval.AspectScore(v, "m", labelled, tomt, people);
  }
}
