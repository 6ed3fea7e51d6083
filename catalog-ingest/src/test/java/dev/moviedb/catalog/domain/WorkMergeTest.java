package dev.moviedb.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkMergeTest {

  private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
  private static final LocalDate MAR = LocalDate.of(2026, 3, 1);
  private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
  private static final LocalDate JUL = LocalDate.of(2026, 7, 1);

  private static CatalogTitle sample() {
    return new CatalogTitle(
        "sample:tlk",
        TitleType.SERIES,
        "The Last Kingdom",
        List.of("Het Laatste Koninkrijk"),
        2015,
        null,
        5,
        List.of("Drama", "History"),
        List.of("Alexander Dreymon"),
        List.of(),
        List.of("United Kingdom"),
        List.of("en"),
        "TV-MA",
        "Uhtred serves King Alfred.",
        "the-last-kingdom",
        List.of(new Availability("netflix", "NL", JAN, MAY)));
  }

  private static CatalogTitle netflix() {
    return new CatalogTitle(
        "netflix:s2629",
        TitleType.SERIES,
        "The Last Kingdom",
        List.of(),
        2020,
        null,
        4,
        List.of("British TV Shows"),
        List.of("Alexander Dreymon", "Emily Cox"),
        List.of(),
        List.of("United Kingdom"),
        List.of(),
        "TV-MA",
        "A Saxon raised by Danes.",
        null,
        List.of(
            new Availability("netflix", "NL", MAR, JUL),
            new Availability("videoland", "NL", null, null)),
        Map.of("imdb", "tt4179452"));
  }

  @Test
  void representative_isTheMostCompleteMember_andItsGapsAreFilledFromTheOthers() {
    var result = WorkMerge.merge("work:sample:tlk", List.of(netflix(), sample()));

    assertThat(result.representativeId()).isEqualTo("sample:tlk");
    CatalogTitle merged = result.work().record();
    assertThat(merged.titleId()).isEqualTo("work:sample:tlk");
    assertThat(merged.year()).isEqualTo(2015);
    assertThat(merged.seasons()).isEqualTo(5);
    assertThat(merged.franchise()).isEqualTo("the-last-kingdom");
    assertThat(merged.cast()).containsExactly("Alexander Dreymon");
    assertThat(merged.externalIds()).containsEntry("imdb", "tt4179452");
    assertThat(result.work().memberIds()).containsExactly("netflix:s2629", "sample:tlk");
  }

  @Test
  void conflictingFields_areListedWithEveryMembersValue_andTheOneKept() {
    var result = WorkMerge.merge("work:sample:tlk", List.of(netflix(), sample()));

    assertThat(result.conflicts())
        .extracting(FieldConflict::field, FieldConflict::keptFrom)
        .containsExactlyInAnyOrder(tuple("year", "sample:tlk"), tuple("seasons", "sample:tlk"));
    assertThat(result.conflicts().get(0).values())
        .containsEntry("sample:tlk", "2015")
        .containsEntry("netflix:s2629", "2020");
  }

  @Test
  void alternateTitles_areTheUnionOfEveryMembersNames_withoutTheMainTitle() {
    var dutch =
        new CatalogTitle(
            "npo:1",
            TitleType.SERIES,
            "Het laatste koninkrijk",
            List.of("Last Kingdom, The"),
            2015,
            null,
            5,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    var merged = WorkMerge.merge("w", List.of(sample(), netflix(), dutch)).work().record();

    assertThat(merged.title()).isEqualTo("The Last Kingdom");
    assertThat(merged.alternateTitles())
        .containsExactly("Het Laatste Koninkrijk", "Last Kingdom, The");
  }

  @Test
  void availability_isMergedPerServiceAndCountry_theUnionOfTheWindows() {
    var merged =
        WorkMerge.mergeAvailability(
            List.of(
                new Availability("netflix", "NL", JAN, MAR),
                new Availability("Netflix", "nl", MAR, MAY), // adjoins: one window
                new Availability("netflix", "NL", JUL, null), // a gap before it: its own window
                new Availability("netflix", "BE", MAY, JUL),
                new Availability("netflix", "BE", null, MAR), // open start
                new Availability("netflix", "BE", JAN, MAR),
                new Availability("videoland", "NL", null, null)));

    assertThat(merged)
        .containsExactly(
            new Availability("netflix", "BE", null, MAR),
            new Availability("netflix", "BE", MAY, JUL),
            new Availability("netflix", "NL", JAN, MAY),
            new Availability("netflix", "NL", JUL, null),
            new Availability("videoland", "NL", null, null));
  }

  @Test
  void availabilityOfTwoMembersOnOneServiceAndCountry_becomesTheirUnion() {
    var merged = WorkMerge.merge("w", List.of(sample(), netflix())).work().record();

    assertThat(merged.availability())
        .containsExactly(
            new Availability("netflix", "NL", JAN, JUL),
            new Availability("videoland", "NL", null, null));
  }
}
