package dev.moviedb.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {

  private final SnapshotPolicy onePercent = new SnapshotPolicy(1.0);

  @Test
  void givenExactlyTheAllowedShareRejected_refusal_isEmpty() {
    assertThat(onePercent.refusal(new SnapshotCheck("netflix", 1000, 10, Map.of(), 990))).isEmpty();
  }

  @Test
  void givenOneRowMoreRejected_refusal_namesTheCountsAndTheLimit() {
    assertThat(onePercent.refusal(new SnapshotCheck("netflix", 1000, 11, Map.of(), 990)))
        .hasValueSatisfying(
            why -> assertThat(why).contains("11 of 1,000 rows (1.1 %)").contains("1.0 %"));
  }

  @Test
  void givenRowsOfOtherSources_refusal_namesEachSource() {
    assertThat(
            onePercent.refusal(
                new SnapshotCheck("netflix", 10, 0, Map.of("prime", 3L, "disney", 1L), 5)))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("4 of 10 rows are not of source netflix (1 of disney, 3 of prime)"));
  }

  @Test
  void givenNoRows_refusal_onlyWhileTheSourceHasTitles() {
    assertThat(onePercent.refusal(new SnapshotCheck("new", 0, 0, Map.of(), 0))).isEmpty();
    assertThat(onePercent.refusal(new SnapshotCheck("old", 0, 0, Map.of(), 7)))
        .hasValueSatisfying(why -> assertThat(why).contains("remove all 7 titles of old"));
  }

  @Test
  void givenAShareOutsideZeroToHundred_policy_isRefused() {
    assertThatThrownBy(() -> new SnapshotPolicy(150)).hasMessageContaining("0 to 100");
    assertThatThrownBy(() -> new SnapshotPolicy(Double.NaN)).hasMessageContaining("0 to 100");
  }
}
