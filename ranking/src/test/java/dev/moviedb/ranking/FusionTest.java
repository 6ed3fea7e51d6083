package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionTest {

  @Test
  void bothSources_areWeighedByAlpha() {
    var weights = new Fusion.Weights(0.6, 0, 0).of(EnumSet.of(ScoreKind.QUERY, ScoreKind.TASTE));

    double score = Fusion.fuse(Map.of(ScoreKind.QUERY, 2.0, ScoreKind.TASTE, -1.0), weights);

    assertThat(score).isCloseTo(0.6 * 2.0 + 0.4 * -1.0, within(1e-12));
  }

  @Test
  void collaborativeSplitsTheUsersPart_andPopularityIsAPrior() {
    var weights =
        new Fusion.Weights(0.6, 0.25, 0.2)
            .of(
                EnumSet.of(
                    ScoreKind.QUERY,
                    ScoreKind.TASTE,
                    ScoreKind.COLLABORATIVE,
                    ScoreKind.POPULARITY));

    assertThat(weights)
        .containsEntry(ScoreKind.QUERY, 0.6)
        .containsEntry(ScoreKind.POPULARITY, 0.2);
    assertThat(weights.get(ScoreKind.TASTE)).isCloseTo(0.4 * 0.75, within(1e-12));
    assertThat(weights.get(ScoreKind.COLLABORATIVE)).isCloseTo(0.4 * 0.25, within(1e-12));
  }

  @Test
  void oneSource_ranksByItAlone_whateverAlphaSays() {
    var queryOnly = new Fusion.Weights(0.6, 0.5, 0).of(EnumSet.of(ScoreKind.QUERY));
    var tasteOnly = new Fusion.Weights(1.0, 0, 0).of(EnumSet.of(ScoreKind.TASTE));

    assertThat(Fusion.fuse(Map.of(ScoreKind.QUERY, 1.5), queryOnly)).isEqualTo(1.5);
    assertThat(Fusion.fuse(Map.of(ScoreKind.TASTE, -0.5), tasteOnly)).isEqualTo(-0.5);
  }

  @Test
  void weightsOutsideZeroToOne_areRefusedNamingTheKnob() {
    assertThatThrownBy(() -> new Fusion.Weights(1.2, 0, 0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Fusion.Weights(0.5, 0, 2)).hasMessageContaining("popularity");
    assertThatThrownBy(() -> RankingSettings.DEFAULTS.withDiversity(-0.1))
        .hasMessageContaining("diversity");
  }
}
