package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.vectors.Vectors;
import org.junit.jupiter.api.Test;

class QueryVectorTest {

  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};

  @Test
  void anchorAndWords_meetHalfWay() {
    float[] q = QueryVector.compose(X, Y, null);

    assertThat(Vectors.dot(q, X)).isCloseTo(Vectors.dot(q, Y), within(1e-6));
    assertThat(Vectors.norm(q)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void lessOfSomething_movesTheRequestAwayFromIt() {
    float[] toward = QueryVector.compose(X, null, null);
    float[] steered = QueryVector.compose(X, null, Z);

    assertThat(Vectors.dot(steered, Z)).isNegative();
    assertThat(Vectors.dot(toward, Z)).isZero();
    assertThat(Vectors.dot(steered, X)).isGreaterThan(0.8);
  }

  @Test
  void withoutAnchorOrWords_thereIsNoRequestVector() {
    assertThat(QueryVector.compose(null, null, Z)).isNull();
    assertThat(QueryVector.compose(null, Y, null)).containsExactly(Y);
  }
}
