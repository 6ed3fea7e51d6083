package dev.moviedb.catalog.domain;

import static dev.moviedb.catalog.domain.Titles.film;
import static dev.moviedb.catalog.domain.Titles.series;
import static dev.moviedb.catalog.domain.Titles.title;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.catalog.domain.PairVerdict.Kind;
import dev.moviedb.events.TitleType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairVerdictTest {

  private static final List<String> KING_CAST = List.of("Timothée Chalamet", "Joel Edgerton");

  @Test
  void sameTitleYearAndType_withSharedCast_isOneWork_andSaysWhy() {
    PairVerdict v =
        PairVerdict.of(
            film("netflix:s3348", "The King", 2019, KING_CAST),
            film("sample:the-king", "The King", 2019, List.of("Timothee Chalamet")));

    assertThat(v.kind()).isEqualTo(Kind.MATCH);
    assertThat(v.reason()).contains("'the king'", "2019/2019", "Timothée Chalamet");
  }

  @Test
  void filmsTwoYearsApart_areNotOneWork() {
    PairVerdict v =
        PairVerdict.of(
            film("a:1", "The King", 2021, KING_CAST), film("b:1", "The King", 2019, KING_CAST));

    assertThat(v.kind()).isEqualTo(Kind.CONTRADICTED);
    assertThat(v.reason()).contains("2 years apart");
  }

  @Test
  void filmAndSeriesOfOneName_areNotOneWork() {
    PairVerdict v =
        PairVerdict.of(
            series("netflix:s4942", "Troy", 2004, 1, List.of()),
            film("sample:troy", "Troy", 2004, List.of()));

    assertThat(v.kind()).isEqualTo(Kind.CONTRADICTED);
    assertThat(v.reason()).contains("is a film");
  }

  @Test
  void lookAlike_sameTitleAndYearButNoSharedPeople_isRefused() {
    PairVerdict v =
        PairVerdict.of(
            film("netflix:s1973", "Black", 2015, List.of("Soham Chakraborty")),
            film("sample:black", "Black", 2015, List.of("Martha Canga Antonio")));

    assertThat(v.kind()).isEqualTo(Kind.CONTRADICTED);
    assertThat(v.reason()).contains("look-alike");
  }

  @Test
  void seriesDatedByItsLatestSeason_isOneRun_onlyWithTwoSharedNames() {
    var sample =
        series(
            "sample:tlk", "The Last Kingdom", 2015, 5, List.of("Alexander Dreymon", "Emily Cox"));

    assertThat(
            PairVerdict.of(
                    series(
                        "netflix:s2629",
                        "The Last Kingdom",
                        2020,
                        4,
                        List.of("Alexander Dreymon", "Emily Cox", "Ian Hart")),
                    sample)
                .kind())
        .isEqualTo(Kind.MATCH);
    assertThat(
            PairVerdict.of(series("netflix:s2629", "The Last Kingdom", 2020, 4, List.of()), sample)
                .kind())
        .isEqualTo(Kind.UNSURE);
    assertThat(
            PairVerdict.of(series("other:1", "The Last Kingdom", 2017, 1, List.of()), sample)
                .reason())
        .contains("fewer than 2");
  }

  @Test
  void seriesYearsApartWithoutASeasonCount_isUnsure() {
    PairVerdict v =
        PairVerdict.of(
            Titles.title(
                "a:1",
                TitleType.SERIES,
                "Harbour",
                List.of(),
                2015,
                null,
                List.of("Ada Brook", "Cas Wen"),
                Map.of()),
            Titles.title(
                "b:1",
                TitleType.SERIES,
                "Harbour",
                List.of(),
                2019,
                null,
                List.of("Ada Brook", "Cas Wen"),
                Map.of()));

    assertThat(v.kind()).isEqualTo(Kind.UNSURE);
    assertThat(v.reason()).contains("no season count");
  }

  @Test
  void seriesYearsApartBeyondTwoYearsPerSeason_areNotOneRun() {
    PairVerdict v =
        PairVerdict.of(
            series("a:dallas", "Dallas", 2012, 3, List.of("Larry Hagman", "Patrick Duffy")),
            series("b:dallas", "Dallas", 1978, 14, List.of("Larry Hagman", "Patrick Duffy")));

    assertThat(v.kind()).isEqualTo(Kind.CONTRADICTED);
    assertThat(v.reason()).contains("34 apart");
  }

  @Test
  void externalIds_decideWhateverTheNames() {
    var a =
        title(
            "a:1",
            TitleType.MOVIE,
            "Zwartboek",
            List.of(),
            2006,
            null,
            List.of(),
            Map.of("imdb", "tt0389557"));
    var b =
        title(
            "b:1",
            TitleType.MOVIE,
            "Black Book",
            List.of(),
            2006,
            null,
            List.of(),
            Map.of("imdb", "tt0389557"));
    var c =
        title(
            "c:1",
            TitleType.MOVIE,
            "Zwartboek",
            List.of(),
            2006,
            null,
            List.of(),
            Map.of("imdb", "tt0000001"));

    assertThat(PairVerdict.of(a, b).kind()).isEqualTo(Kind.MATCH);
    assertThat(PairVerdict.of(a, b).byExternalId()).isTrue();
    assertThat(PairVerdict.of(a, c).kind()).isEqualTo(Kind.CONTRADICTED);
    assertThat(PairVerdict.of(a, c).reason()).contains("different imdb ids");
  }

  @Test
  void recordsOfOneSource_areNeverCompared() {
    assertThat(
            PairVerdict.of(
                    film("netflix:s2335", "Seven (Tamil)", 2019, List.of()),
                    film("netflix:s2336", "Seven (Telugu)", 2019, List.of()))
                .kind())
        .isEqualTo(Kind.UNRELATED);
  }

  @Test
  void namesCompare_withoutCaseAccentsPunctuationOrATrailingQualifier_butKeepSubtitles() {
    assertThat(WorkNames.keys(series("n:1", "The Office (U.S.)", 2012, 9, List.of())))
        .contains("the office us", "the office");
    assertThat(WorkNames.normalise("Love, Death & Robots")).isEqualTo("love death and robots");
    assertThat(WorkNames.normalise("Schitt’s Creek"))
        .isEqualTo(WorkNames.normalise("Schitt's Creek"));
    assertThat(WorkNames.normalise("Élite")).isEqualTo("elite");
    assertThat(WorkNames.keys(series("n:2", "Narcos: Mexico", 2018, 3, List.of())))
        .containsExactly("narcos mexico");
  }

  @Test
  void peopleCompare_acrossSpellingsAndNameOrder() {
    assertThat(
            WorkNames.sharedPeople(
                List.of("Bong Joon-ho", "Yeon Sang-ho", "J. K. Simmons", "Sope Dirisu", "Nobody"),
                List.of("Bong Joon Ho", "Sang-ho Yeon", "J.K. Simmons", "Ṣọpẹ́ Dìrísù", "Sohee")))
        .containsExactly("Bong Joon-ho", "Yeon Sang-ho", "J. K. Simmons", "Sope Dirisu");
  }
}
