package dev.moviedb.understanding;

import static dev.moviedb.events.TitleType.MOVIE;
import static dev.moviedb.events.TitleType.SERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per phrasing: what a request's words constrain, steer and leave as the query. */
class RequestReaderTest {

  /** "recent" and "old" count from this year: the newest release year of the real catalogue. */
  private static final int REFERENCE_YEAR = 2021;

  private static final RequestReader READER =
      new RequestReader(Glossary.standard(), REFERENCE_YEAR, null, true);

  record Row(
      String text,
      Language language,
      UnaryOperator<Constraints.Builder> constraints,
      String like,
      List<String> lessOf,
      String query) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static Row en(String text, UnaryOperator<Constraints.Builder> c, String query) {
    return new Row(text, Language.EN, c, null, List.of(), query);
  }

  private static Row nl(String text, UnaryOperator<Constraints.Builder> c, String query) {
    return new Row(text, Language.NL, c, null, List.of(), query);
  }

  private static Row steer(
      String text, Language l, UnaryOperator<Constraints.Builder> c, String like, String less) {
    return new Row(text, l, c, like, less == null ? List.of() : List.of(less), null);
  }

  static Stream<Row> rows() {
    return Stream.of(
        // the examples
        nl(
            "een spannende serie uit Nederland",
            c -> c.type(SERIES).countries(Set.of("NL")),
            "suspenseful thrilling"),
        en(
            "a thriller from the nineties under two hours",
            c -> c.years(1990, 1999).runtime(null, 119).genres(Set.of("thriller")),
            "thriller"),
        steer("zoals Dark maar minder somber", Language.NL, c -> c, "Dark", "gloomy bleak"),
        en("films from the eighties", c -> c.type(MOVIE).years(1980, 1989), ""),
        en(
            "a comedy shorter than an hour and a half",
            c -> c.runtime(null, 89).genres(Set.of("comedy")),
            "comedy"),
        nl("een serie uit Nederland", c -> c.type(SERIES).countries(Set.of("NL")), ""),
        en("a show with only one season", c -> c.type(SERIES).seasons(null, 1), ""),
        nl("een romantische komedie", c -> c.genres(Set.of("romance", "comedy")), "romance comedy"),
        steer("something like Breaking Bad", Language.EN, c -> c, "Breaking Bad", null),
        en(
            "a feel-good movie for a rainy sunday",
            c -> c.type(MOVIE),
            "feel-good for a rainy sunday"),
        // decades and years
        en(
            "80s action movies",
            c -> c.type(MOVIE).years(1980, 1989).genres(Set.of("action")),
            "action"),
        en("something from the 1970's", c -> c.years(1970, 1979), ""),
        nl("films uit de jaren tachtig", c -> c.type(MOVIE).years(1980, 1989), ""),
        nl("een serie uit de jaren '90", c -> c.type(SERIES).years(1990, 1999), ""),
        nl("negentiger jaren komedie", c -> c.years(1990, 1999).genres(Set.of("comedy")), "comedy"),
        en("late 90s thriller", c -> c.years(1995, 1999).genres(Set.of("thriller")), "thriller"),
        nl("begin jaren 2000", c -> c.years(2000, 2004), ""),
        en("series released after 2015", c -> c.type(SERIES).years(2016, null), ""),
        nl("films van na 2015 over oorlog", c -> c.type(MOVIE).years(2016, null), "war"),
        en("movies made before 2000", c -> c.type(MOVIE).years(null, 1999), ""),
        nl("een film van voor 1990", c -> c.type(MOVIE).years(null, 1989), ""),
        en(
            "a documentary from 2019",
            c -> c.years(2019, 2019).genres(Set.of("documentary")),
            "documentary"),
        en("movies between 2000 and 2010", c -> c.type(MOVIE).years(2000, 2010), ""),
        nl("series tussen 2010 en 2015", c -> c.type(SERIES).years(2010, 2015), ""),
        en(
            "a recent horror movie",
            c -> c.type(MOVIE).years(2019, null).genres(Set.of("horror")),
            "horror"),
        nl("een nieuwe serie", c -> c.type(SERIES).years(2019, null), ""),
        nl("een oude film", c -> c.type(MOVIE).years(null, 1996), ""),
        en("the 80s or 90s", c -> c.years(1980, 1999), ""),
        // runtime
        en("a movie under 90 minutes", c -> c.type(MOVIE).runtime(null, 89), ""),
        nl("een film korter dan anderhalf uur", c -> c.type(MOVIE).runtime(null, 89), ""),
        nl(
            "een komedie van maximaal 100 minuten",
            c -> c.runtime(null, 100).genres(Set.of("comedy")),
            "comedy"),
        en("movies longer than 2.5 hours", c -> c.type(MOVIE).runtime(151, null), ""),
        nl("films langer dan tweeënhalf uur", c -> c.type(MOVIE).runtime(151, null), ""),
        en("a film of at least two hours", c -> c.type(MOVIE).runtime(120, null), ""),
        en("a movie about 90 minutes long", c -> c.type(MOVIE).runtime(75, 105), ""),
        en("a short film about grief", c -> c.type(MOVIE).runtime(null, 40), "grief"),
        nl("een korte film", c -> c.type(MOVIE).runtime(null, 40), ""),
        nl("iets dat niet te lang is", c -> c.runtime(null, 100), ""),
        en("1h30 max", c -> c.runtime(null, 90), ""),
        // seasons
        nl("een serie met maar één seizoen", c -> c.type(SERIES).seasons(null, 1), ""),
        en(
            "a miniseries about a chess prodigy",
            c -> c.type(SERIES).seasons(null, 1),
            "chess prodigy"),
        nl("een miniserie", c -> c.type(SERIES).seasons(null, 1), ""),
        en("a limited series", c -> c.type(SERIES).seasons(null, 1), ""),
        en("a show with at least 3 seasons", c -> c.type(SERIES).seasons(3, null), ""),
        nl("een serie met meer dan twee seizoenen", c -> c.type(SERIES).seasons(3, null), ""),
        en("a series with several seasons", c -> c.type(SERIES).seasons(2, null), ""),
        nl("een serie met 2 seizoenen", c -> c.type(SERIES).seasons(2, 2), ""),
        // countries, nationalities and languages
        en(
            "a Korean drama series",
            c -> c.type(SERIES).countries(Set.of("KR")).genres(Set.of("drama")),
            "drama"),
        nl(
            "een Koreaanse thriller",
            c -> c.countries(Set.of("KR")).genres(Set.of("thriller")),
            "thriller"),
        en("a Dutch movie", c -> c.type(MOVIE).countries(Set.of("NL")), ""),
        nl("een Nederlandse film", c -> c.type(MOVIE).countries(Set.of("NL")), ""),
        en("a series from Korea", c -> c.type(SERIES).countries(Set.of("KR")), ""),
        en("a film from the Netherlands", c -> c.type(MOVIE).countries(Set.of("NL")), ""),
        en(
            "Korean or Japanese anime",
            c -> c.countries(Set.of("KR", "JP")).genres(Set.of("anime")),
            "anime"),
        nl("Nederlandstalige films", c -> c.type(MOVIE).language("nl"), ""),
        en("a series in Spanish", c -> c.type(SERIES).language("es"), ""),
        nl("een Spaanstalige serie", c -> c.type(SERIES).language("es"), ""),
        en(
            "scandinavian crime series",
            c -> c.type(SERIES).countries(Set.of("SCAN")),
            "crime series"),
        en("a k-drama", c -> c.type(SERIES).countries(Set.of("KR")), ""),
        // genres in and out, audience
        en("no horror please", c -> c.excludedGenres(Set.of("horror")), ""),
        nl("geen horror", c -> c.excludedGenres(Set.of("horror")), ""),
        en(
            "a movie that is not too scary",
            c -> c.type(MOVIE).excludedGenres(Set.of("horror")),
            ""),
        nl("een film die niet eng is", c -> c.type(MOVIE).excludedGenres(Set.of("horror")), ""),
        en(
            "a comedy without romance",
            c -> c.genres(Set.of("comedy")).excludedGenres(Set.of("romance")),
            "comedy"),
        nl(
            "een docuserie over misdaad",
            c -> c.type(SERIES).genres(Set.of("documentary")),
            "crime documentary"),
        en("a movie for young kids", c -> c.type(MOVIE).maxMaturityAge(7), ""),
        nl("iets voor kleine kinderen", c -> c.maxMaturityAge(7), ""),
        nl("een film voor het hele gezin", c -> c.type(MOVIE).maxMaturityAge(10), ""),
        en(
            "a family-friendly comedy",
            c -> c.maxMaturityAge(10).genres(Set.of("comedy")),
            "comedy"),
        en("something for a 12 year old", c -> c.maxMaturityAge(12), ""),
        nl("een serie voor tieners", c -> c.type(SERIES).maxMaturityAge(14), ""),
        en("a stand-up comedy show", c -> c.genres(Set.of("standup")), "show stand-up comedy"),
        nl("geen serie maar een film", c -> c.type(MOVIE), ""),
        // steers
        steer(
            "like Stranger Things but less scary", Language.EN, c -> c, "Stranger Things", "scary"),
        steer("zoals The Crown maar minder traag", Language.NL, c -> c, "The Crown", "slow"),
        steer(
            "a series like Narcos, but less violent",
            Language.EN,
            c -> c.type(SERIES),
            "Narcos",
            "violent"),
        steer("films net als Amélie", Language.NL, c -> c.type(MOVIE), "Amélie", null),
        // negative cases: words that look like constraints but are not
        en(
            "a documentary about the nineties",
            c -> c.genres(Set.of("documentary")),
            "nineties documentary"),
        en("a series set in the eighties", c -> c.type(SERIES), "eighties"),
        nl(
            "een serie die zich afspeelt in de jaren tachtig",
            c -> c.type(SERIES),
            "takes place in the eighties"),
        en("a movie about Dutch courage", c -> c.type(MOVIE), "Dutch courage"),
        en("a movie about Korean food", c -> c.type(MOVIE), "Korean food"),
        en("I like movies about space", c -> c.type(MOVIE), "space"),
        en("1917", c -> c, "1917"),
        en(
            "FBI agents interviewing serial killers in the seventies",
            c -> c,
            "FBI agents interviewing serial killers in the seventies"),
        en(
            "women working at a telephone company in 1920s Madrid",
            c -> c,
            "women working at a telephone company in 1920s Madrid"),
        en(
            "a girl and her giant pig-like animal against a corporation",
            c -> c,
            "girl and her giant pig-like animal against a corporation"),
        en(
            "kids in a small town and a missing boy",
            c -> c,
            "kids in a small town and a missing boy"),
        en("something like a fairy tale", c -> c, "fairy tale"),
        en("a series of murders in a small town", c -> c, "series of murders in a small town"),
        nl("een film over de zee", c -> c.type(MOVIE), "sea ocean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void readsWhatTheWordsConstrain(Row row) {
    Understood u = READER.read(row.text());

    assertThat(u.language()).as("language").isEqualTo(row.language());
    assertThat(u.constraints())
        .as("constraints of %s, read as %s", row.text(), u.readings())
        .isEqualTo(row.constraints().apply(Constraints.builder()).build());
    assertThat(u.likeTitle()).as("like").isEqualTo(row.like());
    assertThat(u.lessOf()).as("less of").isEqualTo(row.lessOf());
    if (row.query() != null) {
      assertThat(u.query()).as("query").isEqualTo(row.query());
    }
  }

  @Test
  void eachConstraint_saysTheWordsItCameFrom() {
    Understood u = READER.read("een spannende serie uit Nederland");

    assertThat(u.readings())
        .extracting(Reading::field, Reading::value, Reading::words)
        .contains(
            org.assertj.core.groups.Tuple.tuple("country", "NL", "uit Nederland"),
            org.assertj.core.groups.Tuple.tuple("type", "SERIES", "serie"));
    assertThat(u.summary())
        .containsEntry("type", "SERIES")
        .containsEntry("countries", List.of("NL"))
        .containsEntry("requestLanguage", "nl")
        .containsEntry("query", "suspenseful thrilling");
  }

  @Test
  void aTitleTypedOnItsOwn_isAskedForByName_whenTheCatalogueKnowsIt() {
    RequestReader withTitles =
        READER.withKnownTitles(t -> Set.of("the nineties", "dark").contains(t.toLowerCase()));

    assertThat(READER.read("The Nineties").constraints().minYear()).isEqualTo(1990);
    Understood byName = withTitles.read("The Nineties");
    assertThat(byName.constraints().isEmpty()).isTrue();
    assertThat(byName.query()).isEqualTo("The Nineties");
  }

  @Test
  void likeTakesTheLongestKnownTitle_evenWhenItHoldsWordsThatUsuallyEndOne() {
    RequestReader withTitles =
        READER.withKnownTitles(
            t -> Set.of("sorry for your loss", "the nineties").contains(t.toLowerCase()));

    assertThat(withTitles.read("something like Sorry for Your Loss").likeTitle())
        .isEqualTo("Sorry for Your Loss");
    assertThat(READER.read("something like Sorry for Your Loss").likeTitle()).isEqualTo("Sorry");
    Understood nineties = withTitles.read("a docuseries like The Nineties");
    assertThat(nineties.likeTitle()).isEqualTo("The Nineties");
    assertThat(nineties.constraints().minYear()).isNull();
  }

  @Test
  void aSeriesWithARuntime_dropsTheRuntime_andSaysWhy() {
    Understood u = READER.read("a series under 30 minutes");

    assertThat(u.constraints().type()).isEqualTo(SERIES);
    assertThat(u.constraints().maxRuntime()).isNull();
    assertThat(u.readings()).extracting(Reading::field).contains("ignored");
  }

  @Test
  void contradictoryYears_areDroppedRatherThanRefused() {
    Understood u = READER.read("a movie after 2015 from before 2000");

    assertThat(u.constraints().minYear()).isNull();
    assertThat(u.constraints().maxYear()).isNull();
  }

  @Test
  void queryFallsBackToTheConstraintWordsThatCarryMeaning() {
    Understood u = READER.keepingGenreWords(false).read("a thriller from the nineties");

    assertThat(u.query()).isEmpty();
    assertThat(u.semanticText()).isEqualTo("thriller");
  }

  @Test
  void aBlankRequest_isRefusedWithAMessage() {
    assertThatThrownBy(() -> READER.read("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void aLongDescription_isReadAsMeaning_notAsFilters() {
    String post =
        "I remember a movie from the eighties, I think it was Korean or maybe Japanese, about a"
            + " boy who finds a dog in the rain and they travel together across the country to"
            + " find his mother, there was a scene on a train and a scary man with a hat who"
            + " follows them, it was not a horror film but it scared me as a kid";
    Understood u = READER.read(post);

    assertThat(u.constraints()).isEqualTo(Constraints.NONE);
    assertThat(u.query()).isEqualTo(post);
    assertThat(u.readings()).extracting(Reading::field).containsExactly("description");
  }

  @Test
  void leavingSoon_inEnglishAndDutch_isTwoWeeksOfAvailabilityLeft() {
    for (String request :
        List.of(
            "a comedy leaving Netflix soon",
            "something leaving soon",
            "een film die binnenkort van Netflix verdwijnt",
            "laatste kans: een thriller")) {
      assertThat(READER.read(request).constraints().leavingWithinDays())
          .as(request)
          .isEqualTo(RequestReader.LEAVING_SOON_DAYS);
    }
    assertThat(READER.read("a film about leaving home").constraints().leavingWithinDays()).isNull();
  }

  @Test
  void isDescription_givenMoreWordsThanTheThreshold_isTrue() {
    String atThreshold = "word ".repeat(RequestReader.DESCRIPTION_WORDS).strip();
    assertThat(RequestReader.isDescription(atThreshold)).isFalse();
    assertThat(RequestReader.isDescription(atThreshold + " more")).isTrue();
    assertThat(RequestReader.isDescription("  a   short\trequest  ")).isFalse();
  }
}
