package dev.moviedb.recommend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentTest {

  private static final Experiment HALVES =
      new Experiment(
          "alpha-2026-12",
          List.of(Variant.defaults("control"), new Variant("b", 1, 0.4, null, null, null)));

  @Test
  void aUser_getsTheSameVariantEveryTime_andFromAnotherInstance() {
    Experiment sameConfigElsewhere =
        new Experiment(
            "alpha-2026-12",
            List.of(Variant.defaults("control"), new Variant("b", 1, 0.4, null, null, null)));

    for (int i = 0; i < 200; i++) {
      String user = "user-" + i;
      assertThat(HALVES.assign(user)).isEqualTo(HALVES.assign(user));
      assertThat(sameConfigElsewhere.assign(user)).isEqualTo(HALVES.assign(user));
    }
  }

  @Test
  void theBucket_isTheDocumentedHash_soAnyProgramCanComputeIt() {
    // SHA-256("alpha-2026-12\nanna") starts with 0x55b7255da2861ed1 = 6176446498050809553;
    // 6176446498050809553 mod 10000 = 9553 (computed with Python's hashlib).
    assertThat(Experiment.bucket("alpha-2026-12", "anna")).isEqualTo(9553);
  }

  @Test
  void weights_setEachVariantsShareOfUsers() {
    Experiment quarter =
        new Experiment(
            "diversity-test",
            List.of(
                new Variant("control", 3, null, null, null, null),
                new Variant("diverse", 1, null, 0.6, null, null)));
    Map<String, Integer> counts = new HashMap<>();
    int users = 20_000;
    for (int i = 0; i < users; i++) {
      counts.merge(quarter.assign("u" + i).name(), 1, Integer::sum);
    }

    assertThat(counts.get("diverse") / (double) users).isCloseTo(0.25, within(0.015));
    assertThat(counts.get("control") / (double) users).isCloseTo(0.75, within(0.015));
  }

  @Test
  void aNewExperimentName_shufflesTheUsersAgain() {
    Experiment next = new Experiment("alpha-2027-01", HALVES.variants());
    int moved = 0;
    for (int i = 0; i < 2_000; i++) {
      if (!next.assign("u" + i).equals(HALVES.assign("u" + i))) {
        moved++;
      }
    }

    assertThat(moved / 2_000.0).isCloseTo(0.5, within(0.05));
  }

  @Test
  void aVariantWithWeightZero_getsNobody() {
    Experiment off =
        new Experiment(
            "off",
            List.of(Variant.defaults("control"), new Variant("b", 0, 0.1, null, null, null)));

    for (int i = 0; i < 1_000; i++) {
      assertThat(off.assign("u" + i).name()).isEqualTo("control");
    }
  }

  @Test
  void badConfiguration_isRefusedNamingTheVariant() {
    assertThatThrownBy(() -> new Variant("b", 1, 1.5, null, null, null))
        .hasMessage("variant b: alpha must be between 0 and 1, not 1.5");
    assertThatThrownBy(() -> new Experiment("x", List.of(Variant.defaults("anonymous"))))
        .hasMessageContaining("reserved");
    assertThatThrownBy(
            () -> new Experiment("x", List.of(Variant.defaults("a"), Variant.defaults("a"))))
        .hasMessage("variant a is declared twice");
    assertThatThrownBy(
            () -> new Experiment("x", List.of(new Variant("a", 0, null, null, null, null))))
        .hasMessageContaining("add up to 0");
    assertThatThrownBy(() -> new Variant("B C", 1, null, null, null, null))
        .hasMessageContaining("lower-case letters");
  }

  @Test
  void feedback_mayNameAVariantOfTheExperiment_orAReservedOne() {
    assertThat(HALVES.knows("b")).isTrue();
    assertThat(HALVES.knows(Experiment.ANONYMOUS)).isTrue();
    assertThat(HALVES.knows(Experiment.EXPLICIT)).isTrue();
    assertThat(HALVES.knows("c")).isFalse();
  }
}
