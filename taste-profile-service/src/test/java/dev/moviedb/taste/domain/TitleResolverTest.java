package dev.moviedb.taste.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TitleResolverTest {

  private final TitleResolver resolver = new TitleResolver();

  private void put(String id, String name, String... otherNames) {
    resolver.put(
        new CatalogueEntry(
            id, name, List.of(otherNames), new ResolvedTitle(id, name, List.of("Drama"))));
  }

  private Optional<String> idOf(String raw) {
    return resolver.resolve(raw).map(ResolvedTitle::id);
  }

  @Test
  void givenEpisodeLines_resolve_findsTheShowInEnglishAndDutch() {
    put("t:lk", "The Last Kingdom");
    put("t:signs", "Signs");
    put("t:rough", "Rough Diamonds");

    assertThat(idOf("The Last Kingdom: Season 2: Episode 3")).contains("t:lk");
    assertThat(idOf("The Last Kingdom: Season 5: Episode 9 (Episode 9)")).contains("t:lk");
    assertThat(idOf("Signs: Seizoen 1: Aflevering 1")).contains("t:signs");
    assertThat(idOf("Rough Diamonds: Aflevering 8")).contains("t:rough");
    assertThat(idOf("Een titel die niet bestaat")).isEmpty();
  }

  @Test
  void givenAFilmWithColonsAndAShowOfItsFirstPart_resolve_prefersTheLongestName() {
    put("t:series", "Millennium");
    put("t:film", "Millennium: De vrouw die met vuur speelde");

    assertThat(idOf("Millennium trilogie: Millennium: De vrouw die met vuur speelde - Deel 2"))
        .isEmpty();
    assertThat(idOf("Millennium: De vrouw die met vuur speelde")).contains("t:film");
    assertThat(idOf("Millennium: Seizoen 1: Aflevering 2")).contains("t:series");
  }

  @Test
  void givenSoftHyphensZeroWidthSpacesAndAccents_resolve_ignoresThem() {
    put("t:remi", "Remi, Alleen op de Wereld");
    put("t:lupin", "Lupin");

    assertThat(idOf("Re\u00ADmi, al\u200Bleen op de we\u00ADreld: Aflevering 3"))
        .contains("t:remi");
    assertThat(idOf("\u200ELupin\u00A0: Partie 1: Épisode 1")).contains("t:lupin");
    assertThat(idOf("LÜPIN: Deel 2")).contains("t:lupin");
    assertThat(TitleResolver.display("Re\u00ADmi\u00A0 \u200Bop")).isEqualTo("Remi op");
  }

  @Test
  void givenAlternateNames_resolve_usesThemButPrefersATitlesOwnName() {
    put("t:a", "Dark", "Donker");
    put("t:b", "Donker");

    assertThat(idOf("Donker: Seizoen 1: Aflevering 1")).contains("t:b");
    assertThat(idOf("DARK: Season 1")).contains("t:a");
    resolver.remove("t:b");
    assertThat(idOf("Donker: Seizoen 1: Aflevering 1")).contains("t:a");
  }

  @Test
  void givenTitleRemovedOrRenamed_resolve_followsTheCatalogue() {
    put("t:x", "Old Name");
    put("t:x", "New Name");

    assertThat(idOf("Old Name: Season 1")).isEmpty();
    assertThat(idOf("New Name: Season 1")).contains("t:x");
    resolver.remove("t:x");
    assertThat(idOf("New Name: Season 1")).isEmpty();
    assertThat(resolver.size()).isZero();
  }

  @Test
  void waitingNames_areEveryPrefixLongestFirst_soThatAnyLaterTitleOfThemIsFound() {
    assertThat(TitleResolver.waitingNames("Signs: Seizoen\u00AD 1: Aflevering 1 (Aflevering 1)"))
        .containsExactly("signs seizoen 1 aflevering 1", "signs seizoen 1", "signs");

    put("t:signs", "Signs");
    assertThat(resolver.knows("signs")).isTrue();
    assertThat(resolver.knows("signs seizoen 1")).isFalse();
  }

  @Test
  void givenCatalogueId_byId_returnsWhatTheHistoryIsKeptUnder() {
    put("t:lk", "The Last Kingdom");

    assertThat(resolver.byId(" t:lk ")).map(ResolvedTitle::name).contains("The Last Kingdom");
    assertThat(resolver.byId("t:none")).isEmpty();
  }
}
