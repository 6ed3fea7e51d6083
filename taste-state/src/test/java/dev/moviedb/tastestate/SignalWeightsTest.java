package dev.moviedb.tastestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.events.Signal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignalWeightsTest {

  private static final Instant REFERENCE =
      Instant.ofEpochSecond(SignalWeights.REFERENCE_EPOCH_SECOND);

  @Test
  void givenSignals_weights_followTheTable() {
    SignalWeights w = SignalWeights.DEFAULTS;

    assertThat(w.of(Signal.LOVED, null, REFERENCE)).isEqualTo(new Contribution(Side.POS, 2.0));
    assertThat(w.of(Signal.LIKED, null, REFERENCE)).isEqualTo(new Contribution(Side.POS, 1.5));
    assertThat(w.of(Signal.WATCHED, 900L, REFERENCE)).isEqualTo(new Contribution(Side.POS, 0.5));
    assertThat(w.of(Signal.WATCHED, 60L, REFERENCE)).isEqualTo(new Contribution(Side.POS, 0.25));
    assertThat(w.of(Signal.WATCHED, 7200L, REFERENCE)).isEqualTo(new Contribution(Side.POS, 1.0));
    assertThat(w.of(Signal.LISTED, null, REFERENCE)).isEqualTo(new Contribution(Side.POS, 0.5));
    assertThat(w.of(Signal.ABANDONED, null, REFERENCE)).isEqualTo(new Contribution(Side.NEG, 0.5));
    assertThat(w.of(Signal.DISLIKED, null, REFERENCE)).isEqualTo(new Contribution(Side.NEG, 1.5));
  }

  @Test
  void givenEventOneHalfLifeLater_weight_doubles() {
    assertThat(
            SignalWeights.DEFAULTS
                .of(Signal.LIKED, null, REFERENCE.plusSeconds(365L * 86_400))
                .weight())
        .isCloseTo(3.0, within(1e-12));
  }
}
