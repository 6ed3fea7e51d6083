package dev.moviedb.recommend.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.recommend.domain.Acceptance.Rate;
import org.junit.jupiter.api.Test;

class AcceptanceTest {

  @Test
  void rates_areSharesOfImpressions_withTheWilsonInterval() {
    Acceptance a = new Acceptance(200, 30, 10, 4);

    assertThat(a.clickThrough().value()).isEqualTo(0.15);
    // Wilson 95 % for 30 of 200: 0.1071 .. 0.2061 (the textbook formula, in Python).
    assertThat(a.clickThrough().low()).isEqualTo(0.1071);
    assertThat(a.clickThrough().high()).isEqualTo(0.2061);
    assertThat(a.likeRate().value()).isEqualTo(0.05);
    assertThat(a.dislikeRate().value()).isEqualTo(0.02);
  }

  @Test
  void fewImpressions_giveAWideInterval_manyANarrowOne() {
    Rate few = new Acceptance(10, 1, 0, 0).clickThrough();
    Rate many = new Acceptance(10_000, 1_000, 0, 0).clickThrough();

    assertThat(few.value()).isEqualTo(many.value());
    assertThat(few.high() - few.low()).isGreaterThan(0.3);
    assertThat(many.high() - many.low()).isLessThan(0.02);
  }

  @Test
  void nothingShown_hasNoRate() {
    assertThat(Acceptance.NONE.clickThrough()).isEqualTo(new Rate(null, null, null));
  }

  @Test
  void moreClicksThanImpressions_isCappedAtOne() {
    assertThat(new Acceptance(2, 5, 0, 0).clickThrough().value()).isEqualTo(1.0);
  }
}
