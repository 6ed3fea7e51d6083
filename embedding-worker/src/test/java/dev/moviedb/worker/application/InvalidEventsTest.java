package dev.moviedb.worker.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import org.junit.jupiter.api.Test;

/** What the use case refuses, and says about it, before any port is touched. */
class InvalidEventsTest {

  private static TitlePublished title(String id, TitleType type, String name) {
    return new TitlePublished(
        TitlePublished.SCHEMA_VERSION,
        id,
        type,
        name,
        null,
        2001,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void givenTombstoneOrCompleteTitle_check_passes() {
    assertThatCode(() -> IndexCatalogue.check("t:1", null)).doesNotThrowAnyException();
    assertThatCode(() -> IndexCatalogue.check("t:1", title("t:1", TitleType.MOVIE, "Alpha")))
        .doesNotThrowAnyException();
  }

  @Test
  void givenTitleWithoutNameTypeIdOrKey_check_namesTheProblem() {
    assertThatThrownBy(() -> IndexCatalogue.check("t:1", title("t:1", TitleType.MOVIE, " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("title t:1 has no title");
    assertThatThrownBy(() -> IndexCatalogue.check("t:1", title("t:1", null, "Alpha")))
        .hasMessageContaining("no type");
    assertThatThrownBy(() -> IndexCatalogue.check("t:1", title(null, TitleType.MOVIE, "Alpha")))
        .hasMessageContaining("no titleId");
    assertThatThrownBy(() -> IndexCatalogue.check("t:2", title("t:1", TitleType.MOVIE, "Alpha")))
        .hasMessageContaining("under another key: t:2");
    assertThatThrownBy(() -> IndexCatalogue.check(null, null))
        .hasMessageContaining("without a key");
  }
}
