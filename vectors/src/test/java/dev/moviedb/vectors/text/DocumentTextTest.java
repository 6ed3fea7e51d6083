package dev.moviedb.vectors.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

  private static final TitlePublished SERIES =
      title(
          TitleType.SERIES,
          2,
          null,
          List.of("Kelvin Pier", "Ana Roos", "Tom Vale", "Ida Brix", "Jon Sahl", "Mira Okafor"),
          List.of("Lena Dorn"),
          "  Two sisters run a lighthouse hotel on a storm-battered island.  ");

  private static final TitlePublished MOVIE =
      title(TitleType.MOVIE, null, 101, List.of("Ana Roos"), List.of(), null);

  @Test
  void full_isTheTextTheWorkerEmbeddedBeforeTheFormsWereCompared() {
    // Pinned byte for byte, so that its numbers in docs/EVALUATION.md stay comparable.
    assertThat(DocumentText.of(SERIES, DocumentText.Form.FULL))
        .isEqualTo(
            "The Lamp Keepers (2019). Series, 2 seasons. Also known as: De Lampwachters."
                + " Genres: TV Dramas, British TV Shows. Directed by Lena Dorn."
                + " Starring Kelvin Pier, Ana Roos, Tom Vale, Ida Brix, Jon Sahl."
                + " Two sisters run a lighthouse hotel on a storm-battered island.");
    assertThat(DocumentText.of(MOVIE, DocumentText.Form.FULL))
        .isEqualTo(
            "The Lamp Keepers (2019). Movie, 101 minutes. Also known as: De Lampwachters."
                + " Genres: TV Dramas, British TV Shows. Starring Ana Roos.");
  }

  @Test
  void of_withoutAForm_usesTheDefaultForm_whichIsPlotFirstLean() {
    // The worker's form: changing it re-embeds the catalogue (docs/EVALUATION.md chose it).
    assertThat(DocumentText.Form.DEFAULT).isEqualTo(DocumentText.Form.PLOT_FIRST_LEAN);
    assertThat(DocumentText.of(SERIES))
        .isEqualTo(DocumentText.of(SERIES, DocumentText.Form.PLOT_FIRST_LEAN));
  }

  @Test
  void plotFirstLean_isThePlotThenNamesGenresAndPeople_withoutYearTypeOrLength() {
    assertThat(DocumentText.of(SERIES, DocumentText.Form.PLOT_FIRST_LEAN))
        .isEqualTo(
            "Two sisters run a lighthouse hotel on a storm-battered island."
                + " The Lamp Keepers. Also known as: De Lampwachters."
                + " Genres: TV Dramas, British TV Shows. Directed by Lena Dorn."
                + " Starring Kelvin Pier, Ana Roos, Tom Vale, Ida Brix, Jon Sahl.");
    assertThat(DocumentText.of(MOVIE, DocumentText.Form.PLOT_FIRST_LEAN))
        .isEqualTo(
            "The Lamp Keepers. Also known as: De Lampwachters."
                + " Genres: TV Dramas, British TV Shows. Starring Ana Roos.");
  }

  @Test
  void plotFirst_putsThePlotBeforeTheSameMetadata() {
    assertThat(DocumentText.of(SERIES, DocumentText.Form.PLOT_FIRST))
        .isEqualTo(
            "Two sisters run a lighthouse hotel on a storm-battered island."
                + " The Lamp Keepers (2019). Series, 2 seasons. Also known as: De Lampwachters."
                + " Genres: TV Dramas, British TV Shows. Directed by Lena Dorn."
                + " Starring Kelvin Pier, Ana Roos, Tom Vale, Ida Brix, Jon Sahl.");
    assertThat(DocumentText.of(MOVIE, DocumentText.Form.PLOT_FIRST))
        .isEqualTo(DocumentText.of(MOVIE, DocumentText.Form.FULL));
  }

  @Test
  void noPeople_dropsDirectorsAndCastOnly() {
    assertThat(DocumentText.of(SERIES, DocumentText.Form.NO_PEOPLE))
        .isEqualTo(
            "The Lamp Keepers (2019). Series, 2 seasons. Also known as: De Lampwachters."
                + " Genres: TV Dramas, British TV Shows."
                + " Two sisters run a lighthouse hotel on a storm-battered island.");
  }

  @Test
  void minimal_keepsTitleGenresAndPlot() {
    assertThat(DocumentText.of(SERIES, DocumentText.Form.MINIMAL))
        .isEqualTo(
            "The Lamp Keepers. Genres: TV Dramas, British TV Shows."
                + " Two sisters run a lighthouse hotel on a storm-battered island.");
  }

  @Test
  void everyForm_namesAtMostTheLeadingFiveCast() {
    for (DocumentText.Form form : DocumentText.Form.values()) {
      assertThat(DocumentText.of(SERIES, form)).as(form.id()).doesNotContain("Mira Okafor");
    }
  }

  @Test
  void form_isFoundByItsId_andAnUnknownIdIsRefused() {
    for (DocumentText.Form form : DocumentText.Form.values()) {
      assertThat(DocumentText.Form.byId(form.id())).isEqualTo(form);
    }
    assertThat(DocumentText.Form.byId(" Plot-First ")).isEqualTo(DocumentText.Form.PLOT_FIRST);
    assertThatThrownBy(() -> DocumentText.Form.byId("poster"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poster")
        .hasMessageContaining("no-people");
  }

  private static TitlePublished title(
      TitleType type,
      Integer seasons,
      Integer runtime,
      List<String> cast,
      List<String> directors,
      String plot) {
    return new TitlePublished(
        TitlePublished.SCHEMA_VERSION,
        "netflix:t1",
        type,
        "The Lamp Keepers",
        List.of("De Lampwachters"),
        2019,
        runtime,
        seasons,
        List.of("TV Dramas", "British TV Shows"),
        cast,
        directors,
        List.of("United Kingdom"),
        List.of(),
        "TV-14",
        plot,
        null,
        List.of(),
        Instant.EPOCH);
  }
}
