package dev.moviedb.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

  private static StoredTitle title(
      TitleType type,
      int year,
      Integer length,
      List<String> genres,
      List<String> countries,
      List<String> languages,
      String rating) {
    return new StoredTitle(
        "netflix:s1",
        "A title",
        type,
        year,
        type == TitleType.MOVIE ? length : null,
        type == TitleType.SERIES ? length : null,
        genres,
        List.of(),
        List.of(),
        languages,
        countries,
        rating,
        List.of(),
        null,
        List.of(),
        List.of(),
        "h",
        new float[] {1});
  }

  @Test
  void genreConcepts_matchTheCatalogueGenresOfMoviesSeriesAndTheSample() {
    Constraints horror = Constraints.builder().genres(Set.of("horror")).build();

    for (String genre : List.of("Horror Movies", "TV Horror", "Horror")) {
      assertThat(
              horror.satisfiedBy(
                  title(TitleType.MOVIE, 2000, 90, List.of(genre), List.of(), List.of(), "R")))
          .as(genre)
          .isTrue();
    }
    assertThat(
            horror.satisfiedBy(
                title(TitleType.MOVIE, 2000, 90, List.of("Thrillers"), List.of(), List.of(), "R")))
        .isFalse();
  }

  @Test
  void everyGenreOfARequest_mustBeThere_romanticComedy() {
    Constraints romcom = Constraints.builder().genres(Set.of("romance", "comedy")).build();

    assertThat(
            romcom.satisfiedBy(
                title(
                    TitleType.MOVIE,
                    2019,
                    100,
                    List.of("Comedies", "Romantic Movies"),
                    List.of(),
                    List.of(),
                    "PG-13")))
        .isTrue();
    assertThat(
            romcom.satisfiedBy(
                title(
                    TitleType.MOVIE,
                    2019,
                    100,
                    List.of("Comedies"),
                    List.of(),
                    List.of(),
                    "PG-13")))
        .isFalse();
  }

  @Test
  void countryCodes_matchTheCatalogueNames_includingHistoricalOnes() {
    Constraints german = Constraints.builder().countries(Set.of("DE")).build();

    assertThat(
            german.satisfiedBy(
                title(
                    TitleType.MOVIE, 1985, 90, List.of(), List.of("West Germany"), List.of(), "R")))
        .isTrue();
    assertThat(german.toFilter().productionCountries()).contains("germany", "west germany");
  }

  @Test
  void language_fallsBackToTheMainProductionCountry_whenTheTitleListsNone() {
    Constraints dutch = Constraints.builder().language("nl").build();

    assertThat(
            dutch.satisfiedBy(
                title(
                    TitleType.SERIES,
                    2020,
                    1,
                    List.of(),
                    List.of("Netherlands"),
                    List.of(),
                    "TV-MA")))
        .isTrue();
    assertThat(
            dutch.satisfiedBy(
                title(
                    TitleType.SERIES,
                    2020,
                    1,
                    List.of(),
                    List.of("United States", "Netherlands"),
                    List.of(),
                    "TV-MA")))
        .isFalse();
    assertThat(
            dutch.satisfiedBy(
                title(
                    TitleType.SERIES,
                    2020,
                    1,
                    List.of(),
                    List.of("Netherlands"),
                    List.of("en"),
                    "TV-MA")))
        .isFalse();
  }

  @Test
  void maturity_admitsRatingsUpToTheAge_andNeverUnratedTitles() {
    Constraints youngKids = Constraints.builder().maxMaturityAge(7).build();

    assertThat(
            youngKids.satisfiedBy(
                title(TitleType.SERIES, 2020, 1, List.of(), List.of(), List.of(), "TV-Y7")))
        .isTrue();
    assertThat(
            youngKids.satisfiedBy(
                title(TitleType.MOVIE, 2020, 80, List.of(), List.of(), List.of(), "PG")))
        .isFalse();
    assertThat(
            youngKids.satisfiedBy(
                title(TitleType.MOVIE, 2020, 80, List.of(), List.of(), List.of(), "NR")))
        .isFalse();
  }

  @Test
  void invalidConstraints_areRefusedWithTheReason() {
    assertThatThrownBy(() -> Constraints.builder().years(2000, 1990).build())
        .hasMessageContaining("minimum year 2000 is above the maximum 1990");
    assertThatThrownBy(() -> Constraints.builder().genres(Set.of("horor")).build())
        .hasMessageContaining("unknown genre 'horor'");
    assertThatThrownBy(() -> Constraints.builder().genres(Set.of("crime")).build())
        .hasMessageContaining("not a filter");
    assertThatThrownBy(() -> Constraints.builder().type(TitleType.SERIES).runtime(null, 90).build())
        .hasMessageContaining("no runtime for a series");
    assertThatThrownBy(() -> Constraints.builder().countries(Set.of("XX")).build())
        .hasMessageContaining("unknown country code 'XX'");
  }

  @Test
  void explicitParametersWinOverWords_fieldByField() {
    Understood u =
        new RequestReader(Glossary.standard(), 2021, null, true)
            .read("a Korean series from the nineties");
    TitleFilter explicit =
        TitleFilter.builder()
            .availableOn("netflix", "NL", java.time.LocalDate.of(2026, 1, 1))
            .type(TitleType.MOVIE)
            .years(2000, null)
            .build();

    TitleFilter merged = u.filter(explicit);

    assertThat(merged.type()).isEqualTo(TitleType.MOVIE);
    assertThat(merged.minYear()).isEqualTo(2000);
    assertThat(merged.maxYear()).as("a range given explicitly replaces the words' range").isNull();
    assertThat(merged.productionCountries()).containsExactly("south korea");
    assertThat(merged.services()).containsExactly("netflix");
    assertThat(merged.country()).isEqualTo("NL");
  }
}
