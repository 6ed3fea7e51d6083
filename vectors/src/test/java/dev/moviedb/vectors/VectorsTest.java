package dev.moviedb.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void theTestJvmRunsTheSimdPath() {
    assertThat(Vectors.SIMD).as("surefire passes --add-modules jdk.incubator.vector").isTrue();
  }

  @Test
  void simdAndScalarDotProductsAgree_atEveryLengthAndOffset() {
    Random random = new Random(7);
    for (int dim : new int[] {1, 3, 8, 15, 16, 17, 384, 385, 768, 1024}) {
      float[] query = new float[dim];
      float[] rows = new float[dim * 5];
      for (int i = 0; i < dim; i++) {
        query[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < rows.length; i++) {
        rows[i] = (float) random.nextGaussian();
      }
      for (int row = 0; row < 5; row++) {
        double exact = 0;
        for (int i = 0; i < dim; i++) {
          exact += (double) query[i] * rows[row * dim + i];
        }
        assertThat(Vectors.dot(query, rows, row * dim)).isCloseTo(exact, within(1e-3 * dim));
        assertThat(Vectors.scalarDot(query, rows, row * dim)).isCloseTo(exact, within(1e-3 * dim));
      }
    }
  }

  @Test
  void vectorsOfDifferentLengthsAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Vectors.dot(new float[3], new float[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 vs 4");
  }
}
