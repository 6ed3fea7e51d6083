package dev.moviedb.taste.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TasteMathTest {

  private static final double[] A = {1, 0, 0};
  private static final double[] B = {0, 1, 0};
  private static final double[] C = {0, 0, 1};

  @Test
  void givenShuffledTitles_taste_isTheSame() {
    List<TitleWeight> titles =
        new ArrayList<>(
            List.of(
                new TitleWeight("a", 2.0, 0, A),
                new TitleWeight("b", 0.5, 0, B),
                new TitleWeight("c", 0, 1.5, C)));
    double[] first = TasteMath.taste(titles, 0.5);
    Collections.shuffle(titles, new Random(7));

    assertThat(TasteMath.taste(titles, 0.5)).containsExactly(first, within(1e-12));
  }

  @Test
  void givenSeriesWatchedOften_taste_dampsItBySquareRoot() {
    double[] taste =
        TasteMath.taste(
            List.of(new TitleWeight("series", 16.0, 0, A), new TitleWeight("film", 1.0, 0, B)),
            0.5);

    assertThat(taste[0] / taste[1]).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void givenDislikedTitle_taste_movesAwayFromIt() {
    double[] taste =
        TasteMath.taste(
            List.of(new TitleWeight("liked", 1.0, 0, A), new TitleWeight("disliked", 0, 1.0, C)),
            0.5);

    assertThat(taste).containsExactly(new double[] {1, 0, -0.5}, within(1e-12));
  }

  @Test
  void givenNoWeights_taste_isNull() {
    assertThat(TasteMath.taste(List.of(), 0.5)).isNull();
  }
}
