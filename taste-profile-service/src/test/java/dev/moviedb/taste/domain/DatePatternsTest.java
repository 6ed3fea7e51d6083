package dev.moviedb.taste.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatePatternsTest {

  @Test
  void givenADayAbove12First_detect_choosesDayFirst() {
    assertThat(DatePatterns.detect(List.of("2/5/19", "14/03/21"))).isEqualTo("d/M/yy");
  }

  @Test
  void givenADayAbove12Second_detect_choosesMonthFirst() {
    assertThat(DatePatterns.detect(List.of("2/5/19", "3/14/21"))).isEqualTo("M/d/yy");
  }

  @Test
  void givenAmbiguousDashes_detect_choosesDayFirst() {
    assertThat(DatePatterns.detect(List.of("03-06-23", "01-02-23"))).isEqualTo("d-M-yy");
  }

  @Test
  void givenAmbiguousSlashes_detect_choosesMonthFirst() {
    assertThat(DatePatterns.detect(List.of("2/5/19"))).isEqualTo("M/d/yy");
  }

  @Test
  void givenFourDigitYears_detect_keepsThem() {
    assertThat(DatePatterns.detect(List.of("28.06.2023"))).isEqualTo("d.M.yyyy");
  }
}
