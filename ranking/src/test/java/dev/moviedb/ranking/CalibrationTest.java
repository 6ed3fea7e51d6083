package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void zScore_isTheCosineMeasuredInSpreadsAboveTheSampleMean() {
    float[] v = {1, 0};
    List<float[]> sample = List.of(new float[] {1, 0}, new float[] {0, 1}); // cosines 1 and 0

    Calibration c = Calibration.of(v, sample);

    assertThat(c.mean()).isCloseTo(0.5, within(1e-9));
    assertThat(c.sd()).isCloseTo(0.5, within(1e-9));
    assertThat(c.z(1.0)).isCloseTo(1.0, within(1e-9));
    assertThat(c.z(0.5)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void belowTwoSampledTitles_scoresStayRaw() {
    assertThat(Calibration.of(new float[] {1, 0}, List.of(new float[] {1, 0})))
        .isEqualTo(Calibration.NONE);
    assertThat(Calibration.NONE.z(0.42)).isEqualTo(0.42);
  }

  @Test
  void aSample_holdsDistinctCatalogueVectors_andRepeatsWithTheSameSeed() {
    List<float[]> catalogue = new ArrayList<>();
    IntStream.range(0, 1000).forEach(i -> catalogue.add(new float[] {i}));

    List<float[]> a = Calibration.sample(catalogue::forEach, 100, new Random(1));
    List<float[]> b = Calibration.sample(catalogue::forEach, 100, new Random(1));

    assertThat(a).hasSize(100).doesNotHaveDuplicates().isEqualTo(b);
    assertThat(Calibration.sample(catalogue.subList(0, 10)::forEach, 100, new Random(1)))
        .hasSize(10);
  }
}
