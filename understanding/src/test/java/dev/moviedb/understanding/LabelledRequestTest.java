package dev.moviedb.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.store.StoredTitle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledRequestTest {

  private static List<LabelledRequest> read(String jsonl) throws IOException {
    return LabelledRequest.read(
        new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "requests.jsonl");
  }

  private static StoredTitle series(String id, List<String> countries) {
    return new StoredTitle(
        id,
        "T",
        TitleType.SERIES,
        2020,
        null,
        2,
        List.of("TV Dramas"),
        List.of(),
        List.of(),
        List.of(),
        countries,
        "TV-MA",
        List.of(),
        null,
        List.of(),
        List.of(),
        "h",
        new float[] {1});
  }

  @Test
  void aLine_becomesARequestWhoseCheckerAppliesItsConstraintsAndExclusions() throws IOException {
    LabelledRequest r =
        read("{\"query\":\"zoals Undercover\",\"language\":\"nl\",\"constraints\":{\"type\":"
                + "\"SERIES\",\"countries\":[\"NL\"]},\"notTitles\":[\"s544\"],"
                + "\"answers\":[\"s2805\"]}\n")
            .get(0);

    assertThat(r.language()).isEqualTo(Language.NL);
    assertThat(r.answers()).containsExactly("netflix:s2805");
    assertThat(r.satisfiedBy(series("netflix:s2805", List.of("Netherlands")))).isTrue();
    assertThat(r.satisfiedBy(series("netflix:s544", List.of("Belgium", "Netherlands")))).isFalse();
    assertThat(r.satisfiedBy(series("netflix:s1", List.of("Germany")))).isFalse();
  }

  @Test
  void aBadLine_namesFileLineAndField() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"query\":\"a\",\"language\":\"en\",\"constraints\":{}}\n"
                        + "{\"query\":\"b\",\"language\":\"en\",\"constraints\":{\"minYear\":"
                        + "\"1990s\"}}\n"))
        .hasMessageContaining("requests.jsonl line 2")
        .hasMessageContaining("minYear");
    assertThatThrownBy(
            () -> read("{\"query\":\"a\",\"language\":\"en\",\"constraints\":{\"genre\":[]}}"))
        .hasMessageContaining("constraints.genre: unknown field");
  }
}
