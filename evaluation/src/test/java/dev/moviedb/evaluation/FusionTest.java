package dev.moviedb.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.taste.domain.TitleWeight;
import dev.moviedb.vectors.Vectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The copies of recommend-api's ranking arithmetic behave as the service's originals do. */
class FusionTest {

  @Test
  void calibration_isMeanAndSpreadOfTheCosineOverTheSample() {
    float[] v = {1, 0};
    List<float[]> sample = List.of(new float[] {1, 0}, new float[] {0, 1});
    Fusion.Calibration c = Fusion.Calibration.of(v, sample);
    assertThat(c.mean()).isCloseTo(0.5, within(1e-12));
    assertThat(c.sd()).isCloseTo(0.5, within(1e-12));
    assertThat(c.z(1.0)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void calibration_givenNoSpread_floorsTheVariance_andTooSmallASampleDoesNothing() {
    float[] v = {1, 0};
    Fusion.Calibration flat =
        Fusion.Calibration.of(v, List.of(new float[] {0, 1}, new float[] {0, 1}));
    assertThat(flat.sd()).isCloseTo(Math.sqrt(1e-6), within(1e-12));
    assertThat(Fusion.Calibration.of(v, List.of(new float[] {1, 0})))
        .isEqualTo(Fusion.Calibration.NONE);
  }

  @Test
  void combined_weighsTheQueryByAlpha() {
    assertThat(Fusion.combined(1, 2, 5)).isEqualTo(2);
    assertThat(Fusion.combined(0, 2, 5)).isEqualTo(5);
    assertThat(Fusion.combined(0.6, 2, 5)).isCloseTo(3.2, within(1e-12));
  }

  @Test
  void perSource_addsThePageAndTheWatchedTitlesToTheCandidateCount() {
    assertThat(Fusion.perSource(100, 0, 10, 25)).isEqualTo(135);
  }

  @Test
  void taste_givenNegativeShareZero_ignoresDislikes_andAPositiveShareMovesAwayFromThem() {
    double[] liked = {1, 0, 0};
    double[] disliked = {0.6, 0.8, 0};
    List<TitleWeight> weights =
        List.of(new TitleWeight("a", 1.5, 0, liked), new TitleWeight("b", 0, 1.5, disliked));
    float[] none = Fusion.taste(weights, 0);
    float[] half = Fusion.taste(weights, 0.5);
    assertThat(none).containsExactly(1f, 0f, 0f);
    assertThat(Vectors.norm(half)).isCloseTo(1.0, within(1e-6));
    float[] d = {0.6f, 0.8f, 0f};
    assertThat(Vectors.dot(half, d)).isLessThan(Vectors.dot(none, d));
  }

  @Test
  void rankAmong_ordersTheAllowedCandidatesByScore_lowerPositionFirstOnTies() {
    double[] scores = {0.9, 0.95, 0.5, 0.9, 0.7};
    assertThat(Fusion.rankAmong(List.of(4, 2, 0, 3, 1), scores, i -> i != 1, 10))
        .containsExactly(0, 3, 4, 2);
    assertThat(Fusion.rankAmong(List.of(4, 2, 0), scores, i -> true, 2)).containsExactly(0, 4);
    // the same order as a full scan restricted to the candidates
    assertThat(Fusion.rankAmong(List.of(0, 1, 2, 3, 4), scores, i -> true, 5))
        .containsExactlyElementsOf(Rankings.top(scores, 5, i -> true));
  }

  @Test
  void mmr_picksWhatTheServicesFormulaPicks() {
    Random random = new Random(3);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      float[] v = new float[8];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) random.nextGaussian();
      }
      vectors.add(Vectors.normalize(v));
    }
    DenseIndex index = new DenseIndex(vectors);
    double[] relevance = new double[60];
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      relevance[i] = random.nextDouble();
      candidates.add(i);
    }
    for (double lambda : new double[] {1.0, 0.7, 0.3}) {
      assertThat(Fusion.mmr(candidates, 10, lambda, relevance, index))
          .as("lambda %s", lambda)
          .containsExactlyElementsOf(direct(candidates, 10, lambda, relevance, index));
    }
    assertThat(Fusion.mmr(candidates, 10, 1.0, relevance, index))
        .containsExactlyElementsOf(Rankings.top(relevance, 10, i -> true));
  }

  /** recommend-api's Mmr.select written out directly, redundancy recomputed at every step. */
  private static List<Integer> direct(
      List<Integer> candidates, int count, double lambda, double[] relevance, DenseIndex index) {
    List<Integer> remaining = new ArrayList<>(candidates);
    List<Integer> picked = new ArrayList<>();
    double max = remaining.stream().mapToDouble(c -> relevance[c]).max().orElse(1);
    double min = remaining.stream().mapToDouble(c -> relevance[c]).min().orElse(0);
    double span = max - min == 0 ? 1 : max - min;
    while (picked.size() < count && !remaining.isEmpty()) {
      Integer best = null;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (Integer c : remaining) {
        double rel = (relevance[c] - min) / span;
        double redundancy = 0;
        for (int p : picked) {
          redundancy = Math.max(redundancy, Vectors.dot(index.vector(c), index.vector(p)));
        }
        double value = lambda * rel - (1 - lambda) * redundancy;
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      picked.add(best);
      remaining.remove(best);
    }
    return picked;
  }

  @Test
  void requestStyles_describeTheTitleFromItsMetadataOnly() {
    TitlePublished t =
        new TitlePublished(
            TitlePublished.SCHEMA_VERSION,
            "netflix:s1",
            TitleType.MOVIE,
            "Secret Title",
            List.of(),
            2001,
            90,
            null,
            List.of("International Movies", "Comedies", "Dramas"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            "A retired chef opens a tiny restaurant in Lisbon with her estranged son.",
            null,
            List.of(),
            Instant.EPOCH);
    assertThat(FusionEval.Style.GENRE.query(t)).isEqualTo("an international comedy movie");
    assertThat(FusionEval.Style.PLOT.query(t))
        .isEqualTo("a movie about A retired chef opens a tiny");
    assertThat(FusionEval.genreWords("TV Dramas")).isEqualTo("drama");
    assertThat(FusionEval.genreWords("Anime Series")).isEqualTo("anime series");
    assertThat(FusionEval.genreWords("Movies")).isEmpty();
  }
}
