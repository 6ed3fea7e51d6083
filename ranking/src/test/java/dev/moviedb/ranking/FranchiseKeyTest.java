package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.store.StoredTitle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FranchiseKeyTest {

  private static String key(String title) {
    return FranchiseKey.of(title, null);
  }

  private static void assertOneFranchise(String... titles) {
    assertThat(Arrays.stream(titles).map(FranchiseKeyTest::key).distinct())
        .as("keys of %s", Arrays.toString(titles))
        .hasSize(1);
  }

  private static void assertTwoFranchises(String one, String other) {
    assertThat(key(one)).as("%s vs %s", one, other).isNotEqualTo(key(other));
  }

  private static StoredTitle stored(String id, String title, String franchise) {
    return new StoredTitle(
        id,
        title,
        TitleType.MOVIE,
        2020,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        franchise,
        List.of(),
        List.of(),
        "hash",
        new float[] {1f});
  }

  @Test
  void givenNumberedSequels_of_collapsesThemOnTheFirstTitle() {
    assertOneFranchise("The Kissing Booth", "The Kissing Booth 2", "The Kissing Booth 3");
    assertOneFranchise("Ip Man", "Ip Man 2", "Ip Man 4: The Finale");
    assertOneFranchise("Tremors", "Tremors 2: Aftershocks", "Tremors 5:  Bloodline");
    assertOneFranchise("Yes or No", "Yes or No 2.5");
    assertThat(key("The Kissing Booth 3")).isEqualTo("the kissing booth");
  }

  @Test
  void givenRomanNumerals_of_collapsesThem() {
    assertOneFranchise("Rocky", "Rocky II", "Rocky III", "Rocky IV", "Rocky V");
    assertOneFranchise("Bad Boys", "Bad Boys II");
    assertOneFranchise(
        "Teenage Mutant Ninja Turtles II: The Secret of the Ooze", "Teenage Mutant Ninja Turtles");
  }

  @Test
  void givenPartVolumeOrChapter_of_dropsTheNumbering() {
    assertOneFranchise("Kill Bill: Vol. 1", "Kill Bill: Vol. 2");
    assertOneFranchise(
        "Fear Street Part 1: 1994", "Fear Street Part 2: 1978", "Fear Street Part 3: 1666");
    assertOneFranchise("The Karate Kid", "The Karate Kid Part II", "The Karate Kid Part III");
    assertOneFranchise("The Christmas Chronicles", "The Christmas Chronicles: Part Two");
    assertOneFranchise("Nymphomaniac: Volume 1", "Nymphomaniac: Volume II");
    assertOneFranchise("Surviving R. Kelly", "Surviving R. Kelly Part II: The Reckoning");
  }

  @Test
  void givenTheMovieOrTheSeries_of_collapsesThemWithTheShow() {
    assertOneFranchise(
        "Naruto",
        "Naruto the Movie 2: Legend of the Stone of Gelel",
        "Naruto the Movie: Ninja Clash in the Land of Snow");
    assertOneFranchise(
        "Naruto Shippuden: The Movie",
        "Naruto Shippûden the Movie: Bonds",
        "Naruto Shippuden : Blood Prison",
        "Naruto Shippuden: The Movie: The Lost Tower");
    assertOneFranchise(
        "Pokémon the Movie: I Choose You!", "Pokémon the Series", "Pokémon: Indigo League");
    assertOneFranchise("Club Friday The Series 6", "Club Friday The Series 8");
    assertOneFranchise("Bleach", "Bleach The Movie: Fade to Black", "Bleach the Movie: Hell Verse");
  }

  @Test
  void givenSubtitles_of_keepsThePartBeforeTheFirstSeparator() {
    assertOneFranchise("Barbie: Spy Squad", "Barbie: A Fairy Secret", "Barbie: Video Game Hero");
    assertOneFranchise(
        "LEGO Ninjago",
        "LEGO Ninjago: Masters of Spinjitzu",
        "LEGO Ninjago: Masters of Spinjitzu: Day of the Departed");
    assertOneFranchise("Star Trek", "Star Trek: Voyager", "Star Trek: The Next Generation");
    assertOneFranchise("Sniper: Ghost Shooter", "Sniper: Legacy");
    assertOneFranchise("Chhota Bheem", "Chhota Bheem - Dinosaur World", "Chhota Bheem: Dus Pe Dus");
    assertOneFranchise("Bridgerton", "Bridgerton - The Afterparty");
    assertOneFranchise("Love", "Love: Season 2");
    assertOneFranchise("Freaks", "Freaks – You're One of Us");
    assertOneFranchise("High & Low The Movie", "High & Low The Movie 2 / End of Sky");
    assertOneFranchise(
        "Ken Burns: The West", "Ken Burns Presents: College Behind Bars: A Film by Lynn Novick");
  }

  @Test
  void givenLanguageVersionsInParentheses_of_collapsesThem() {
    assertOneFranchise(
        "Baahubali: The Beginning (Tamil Version)", "Baahubali 2: The Conclusion (Hindi Version)");
    assertOneFranchise("Game Over", "Game Over (Telugu Version)");
    assertOneFranchise("Tales of the City", "Tales of the City (1993)");
  }

  @Test
  void givenAccentsCasePunctuationAndInvisibleCharacters_of_ignoresThem() {
    assertOneFranchise("Saint Seiya", "\u200bSAINT SEIYA: Knights of the Zodiac");
    assertOneFranchise("Let’s Eat", "Let's Eat 2");
    assertOneFranchise("Omar & Salma 2", "Omar and Salma 3");
    assertOneFranchise("Düğün Dernek", "Dügün Dernek 2: Sünnet");
    assertThat(key("Pokémon: Indigo League")).isEqualTo("pokemon");
  }

  @Test
  void givenTitlesThatOnlyShareTheirFirstWords_of_keepsThemApart() {
    assertTwoFranchises("The Crown", "The Crowded Room");
    assertTwoFranchises("Love Is Blind", "Love Actually");
    assertTwoFranchises("Star Trek: Voyager", "Star Wars: Episode VIII: The Last Jedi");
    assertTwoFranchises("Kung Fu Panda 2", "Kung Fu Hustle");
    assertTwoFranchises("Rocky II", "Rocky Handsome");
    assertTwoFranchises("Once Upon a Time in America", "Once Upon a Time in the West");
    assertTwoFranchises("Naruto", "Naruto Shippuden: The Movie");
  }

  @Test
  void givenALeadingArticle_of_keepsIt() {
    assertTwoFranchises("The Game", "Game");
    assertTwoFranchises("The Queen", "Queen");
    assertTwoFranchises("Kingdom", "The Kingdom");
  }

  @Test
  void givenNumbersThatAreNames_of_keepsThem() {
    assertTwoFranchises("K-19: The Widowmaker", "K");
    assertTwoFranchises("Room 2806: The Accusation", "Room");
    assertTwoFranchises("Feb-09", "Feb");
    assertThat(key("Blade Runner 2049")).isEqualTo("blade runner 2049");
  }

  @Test
  void givenNoWordBesidesNumbersOrMarkers_of_keepsTheWholeTitle() {
    assertThat(key("1898: Our Last Men in the Philippines"))
        .isEqualTo("1898 our last men in the philippines");
    assertThat(key("27: Gone Too Soon")).isEqualTo("27 gone too soon");
    assertThat(key("07:19")).isEqualTo("07 19");
    assertThat(key("GANTZ:O")).isEqualTo("gantz o");
    assertThat(key("The Movie")).isEqualTo("the movie");
    assertThat(key("Part 2")).isEqualTo("part 2");
    assertThat(key("1922")).isEqualTo("1922");
  }

  @Test
  void givenAFranchiseField_of_prefersItNormalised() {
    assertThat(FranchiseKey.of("Solo: A Star Wars Story", "Star Wars")).isEqualTo("star wars");
    assertThat(FranchiseKey.of("Star Wars: Episode VIII: The Last Jedi", null))
        .isEqualTo(FranchiseKey.of("Solo: A Star Wars Story", "Star Wars"));
    assertThat(FranchiseKey.of("Pokémon Journeys: The Series", " Pokémon ")).isEqualTo("pokemon");
    assertThat(FranchiseKey.of("Rocky II", " ")).isEqualTo("rocky");
  }

  @Test
  void givenAStoredTitle_of_usesFranchiseThenTitleThenId() {
    assertThat(FranchiseKey.of(stored("s1", "Power Rangers Zeo", "Power Rangers")))
        .isEqualTo("power rangers");
    assertThat(FranchiseKey.of(stored("s2", "Rocky IV", null))).isEqualTo("rocky");
    assertThat(FranchiseKey.of(stored("s3", null, null))).isEqualTo("id:s3");
  }

  @Test
  void givenNoTitleAndNoFranchise_of_refuses() {
    assertThatThrownBy(() -> FranchiseKey.of(" ", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FranchiseKey.of("?!", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The whole Kaggle catalogue: every title gets a key, the families above hold there, and the
   * rules stay conservative (most titles remain alone).
   */
  @Test
  void givenTheRealCatalogue_of_collapsesFamiliesOnly() throws IOException {
    Path file =
        Path.of(System.getProperty("moviedb.shared-data", "../../shared/data"))
            .resolve("catalog/netflix_titles.csv");
    assumeTrue(Files.exists(file), "../shared/data/catalog/netflix_titles.csv is absent: skipped");

    List<String> titles = titleColumn(Files.readString(file, StandardCharsets.UTF_8));
    Map<String, List<String>> groups = new HashMap<>();
    titles.forEach(t -> groups.computeIfAbsent(key(t), k -> new ArrayList<>()).add(t));

    assertThat(titles).hasSizeGreaterThan(8_000);
    assertThat(groups).doesNotContainKey("");
    assertThat(groups.size()).as("distinct keys").isGreaterThan(titles.size() * 9 / 10);
    assertThat(groups.values().stream().mapToInt(List::size).max().orElse(0))
        .as("largest family")
        .isLessThanOrEqualTo(25);
    assertThat(groups.get("the kissing booth"))
        .containsExactlyInAnyOrder(
            "The Kissing Booth", "The Kissing Booth 2", "The Kissing Booth 3");
    assertThat(groups.get("rocky"))
        .containsExactlyInAnyOrder("Rocky", "Rocky II", "Rocky III", "Rocky IV", "Rocky V");
    assertThat(groups.get("star trek")).hasSize(5).allMatch(t -> t.startsWith("Star Trek"));
    assertThat(groups.get("star wars")).containsExactly("Star Wars: Episode VIII: The Last Jedi");
    assertThat(groups.get("the crown")).containsExactly("The Crown");
    assertThat(groups.get("love is blind")).containsExactly("Love Is Blind");
  }

  /** The third column of a {@code netflix_titles.csv}: quoted fields may hold commas and quotes. */
  private static List<String> titleColumn(String csv) {
    List<String> titles = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int column = 0;
    boolean quoted = false;
    boolean header = true;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',' || c == '\n') {
        if (column == 2 && !header) {
          titles.add(field.toString());
        }
        field.setLength(0);
        column = c == ',' ? column + 1 : 0;
        header &= c != '\n';
      } else if (c != '\r') {
        field.append(c);
      }
    }
    return titles;
  }
}
