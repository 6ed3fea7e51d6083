package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.vectors.Vectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TasteVectorTest {

  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};
  private static final Map<String, float[]> VECTORS = Map.of("x", X, "y", Y, "z", Z);

  private static float[] taste(
      Map<String, Double> positive, Map<String, Double> negative, double share) {
    return TasteVector.compose(new TasteWeights(positive, negative, Set.of()), VECTORS, share);
  }

  @Test
  void givenOnlyLikedTitles_tasteIsTheSqrtWeightedCentroid() {
    float[] t = taste(Map.of("x", 4.0, "y", 1.0), Map.of(), 0.5);

    // sqrt(4) : sqrt(1) = 2 : 1, normalised
    assertThat(t[0]).isCloseTo((float) (2 / Math.sqrt(5)), within(1e-6f));
    assertThat(t[1]).isCloseTo((float) (1 / Math.sqrt(5)), within(1e-6f));
    assertThat(Vectors.norm(t)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void givenDislikedTitle_tasteMovesAwayFromIt_byTheNegativeShare() {
    float[] without = taste(Map.of("x", 1.0), Map.of(), 0.5);
    float[] with = taste(Map.of("x", 1.0), Map.of("z", 1.0), 0.5);
    float[] noShare = taste(Map.of("x", 1.0), Map.of("z", 1.0), 0.0);

    assertThat(Vectors.dot(with, Z)).isNegative();
    assertThat(Vectors.dot(without, Z)).isZero();
    assertThat(noShare).containsExactly(without);
    // normalise((1,0,0) - 0.5 (0,0,1))
    assertThat(with[2]).isCloseTo((float) (-0.5 / Math.sqrt(1.25)), within(1e-6f));
  }

  @Test
  void theOrderOfTheWeights_doesNotChangeTheTaste() {
    Map<String, Double> forward = new LinkedHashMap<>();
    forward.put("x", 2.0);
    forward.put("y", 3.0);
    forward.put("z", 0.5);
    Map<String, Double> backward = new LinkedHashMap<>();
    List.of("z", "y", "x").forEach(k -> backward.put(k, forward.get(k)));

    assertThat(taste(backward, Map.of(), 0.5)).containsExactly(taste(forward, Map.of(), 0.5));
  }

  @Test
  void titlesWithoutAVector_areLeftOut_andNoVectorAtAllIsNoTaste() {
    assertThat(taste(Map.of("x", 1.0, "gone", 9.0), Map.of(), 0.5)).containsExactly(X);
    assertThat(taste(Map.of("gone", 1.0), Map.of(), 0.5)).isNull();
  }

  @Test
  void onlyDislikes_giveATasteAwayFromThem() {
    float[] t = taste(Map.of(), Map.of("y", 1.0), 0.5);

    assertThat(t).containsExactly(0, -1, 0);
  }
}
