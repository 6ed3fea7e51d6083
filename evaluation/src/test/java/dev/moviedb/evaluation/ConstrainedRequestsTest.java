package dev.moviedb.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.understanding.LabelledRequest;
import dev.moviedb.understanding.Language;
import dev.moviedb.vectors.store.StoredTitle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The labelled constrained requests: enough of them, half Dutch, and consistent with the data. */
class ConstrainedRequestsTest {

  private static List<LabelledRequest> requests() throws IOException {
    try (InputStream in =
        ConstraintEval.class.getResourceAsStream(ConstraintEval.REQUESTS_RESOURCE)) {
      return LabelledRequest.read(in, ConstraintEval.REQUESTS_RESOURCE);
    }
  }

  @Test
  void atLeastAHundredRequests_halfOfThemDutch() throws IOException {
    List<LabelledRequest> all = requests();

    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    long dutch = all.stream().filter(r -> r.language() == Language.NL).count();
    assertThat(dutch).isBetween(all.size() * 45L / 100, all.size() * 55L / 100);
    assertThat(all).extracting(LabelledRequest::query).doesNotHaveDuplicates();
  }

  @Test
  void everyAnswerSatisfiesItsRequest_andEveryRequestCanBeAnswered() throws IOException {
    Path csv =
        Path.of(System.getProperty("moviedb.shared-data", "../shared/data"))
            .resolve("catalog/netflix_titles.csv");
    assumeTrue(Files.isRegularFile(csv), "the real catalogue is not at " + csv);
    Map<String, StoredTitle> titles =
        Catalogue.load(csv).titles().stream()
            .map((TitlePublished t) -> StoredTitle.from(t, "h", new float[] {1}))
            .collect(Collectors.toMap(StoredTitle::titleId, Function.identity(), (a, b) -> a));

    for (LabelledRequest r : requests()) {
      assertThat(r.answers())
          .as("answers of %s", r.query())
          .allSatisfy(
              id -> {
                assertThat(titles).containsKey(id);
                assertThat(r.satisfiedBy(titles.get(id)))
                    .as("%s satisfies %s", id, r.query())
                    .isTrue();
              });
      assertThat(r.notTitles())
          .as("titles excluded by %s", r.query())
          .allSatisfy(id -> assertThat(titles).containsKey(id));
      assertThat(titles.values().stream().filter(r::satisfiedBy).count())
          .as("titles satisfying %s", r.query())
          .isPositive();
    }
  }
}
