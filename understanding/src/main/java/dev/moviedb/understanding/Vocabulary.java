package dev.moviedb.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constraint vocabulary, loaded once from this module's tables: {@code genres.tsv} (words to
 * the catalogue's genre names), {@code countries.tsv} (words to production-country names), {@code
 * languages.tsv} (words to a spoken language and its main countries) and {@code
 * function-words.tsv}. Each table is the one owner of its mapping; the reader, the filters and the
 * checker of labelled requests all go through this class.
 */
public final class Vocabulary {

  /**
   * A genre concept.
   *
   * @param filter whether the catalogue's genres cover it well enough to be a hard filter
   * @param catalogueGenres the catalogue genre names that count as this concept
   * @param queryWords what the concept adds to a semantic query, in English
   */
  public record Genre(String id, boolean filter, Set<String> catalogueGenres, String queryWords) {
    public Genre {
      catalogueGenres = Set.copyOf(catalogueGenres);
    }
  }

  /** A production country (or a region such as SCAN) and its catalogue names. */
  public record Country(String code, Set<String> catalogueNames) {
    public Country {
      catalogueNames = Set.copyOf(catalogueNames);
    }
  }

  /** A spoken language and the country codes whose titles stand in for it. */
  public record SpokenLanguage(String code, List<String> mainCountries) {
    public SpokenLanguage {
      mainCountries = List.copyOf(mainCountries);
    }
  }

  private static volatile Vocabulary standard;

  private final Map<String, Genre> genres = new LinkedHashMap<>();
  private final Map<String, List<String>> genrePhrases = new LinkedHashMap<>();
  private final Map<String, List<String>> negatedOnlyPhrases = new LinkedHashMap<>();
  private final Map<String, Country> countries = new LinkedHashMap<>();
  private final Map<String, String> countryNouns = new LinkedHashMap<>();
  private final Map<String, String> countryAdjectives = new LinkedHashMap<>();
  private final Map<String, SpokenLanguage> languages = new LinkedHashMap<>();
  private final Map<String, String> languagePhrases = new LinkedHashMap<>();
  private final Map<Language, Set<String>> fillers = new LinkedHashMap<>();
  private final Map<Language, Set<String>> markers = new LinkedHashMap<>();

  private Vocabulary() {
    for (Language l : Language.values()) {
      markers.put(l, new LinkedHashSet<>());
    }
    for (Tables.Row r : Tables.read("genres.tsv", 6)) {
      String id = r.cell(0);
      String filter = r.cell(1);
      if (!filter.equals("yes") && !filter.equals("no")) {
        throw r.error("filter must be yes or no, not '" + filter + "'");
      }
      if (genres.containsKey(id)) {
        throw r.error("genre " + id + " is listed twice");
      }
      genres.put(id, new Genre(id, filter.equals("yes"), Set.copyOf(r.names(2)), r.cell(3)));
      addAll(genrePhrases, r.list(4), id, Language.EN);
      addAll(genrePhrases, r.list(5), id, Language.NL);
      for (String p : r.list(6)) {
        negatedOnlyPhrases.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
      }
    }
    for (Tables.Row r : Tables.read("countries.tsv", 6)) {
      String code = r.cell(0);
      countries.put(code, new Country(code, Set.copyOf(r.names(1))));
      put(countryNouns, r.list(2), code, Language.EN);
      put(countryAdjectives, r.list(3), code, Language.EN);
      put(countryNouns, r.list(4), code, Language.NL);
      put(countryAdjectives, r.list(5), code, Language.NL);
    }
    for (Tables.Row r : Tables.read("languages.tsv", 4)) {
      String code = r.cell(0);
      for (String c : r.names(1)) {
        if (!countries.containsKey(c)) {
          throw r.error("main country " + c + " is not in countries.tsv");
        }
      }
      languages.put(code, new SpokenLanguage(code, r.names(1)));
      put(languagePhrases, r.list(2), code, Language.EN);
      put(languagePhrases, r.list(3), code, Language.NL);
    }
    for (Tables.Row r : Tables.read("function-words.tsv", 2)) {
      Language l = Language.ofCode(r.cell(0));
      fillers.computeIfAbsent(l, k -> new LinkedHashSet<>()).addAll(r.list(1));
      markWords(r.list(1), l);
    }
  }

  /** The vocabulary of this module's tables, loaded once. */
  public static Vocabulary standard() {
    Vocabulary v = standard;
    if (v == null) {
      synchronized (Vocabulary.class) {
        v = standard;
        if (v == null) {
          v = new Vocabulary();
          standard = v;
        }
      }
    }
    return v;
  }

  private void addAll(Map<String, List<String>> into, List<String> phrases, String id, Language l) {
    for (String p : phrases) {
      List<String> ids = into.computeIfAbsent(p, k -> new ArrayList<>());
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    markWords(phrases, l);
  }

  private void put(Map<String, String> into, List<String> phrases, String code, Language l) {
    for (String p : phrases) {
      into.putIfAbsent(p, code);
    }
    markWords(phrases, l);
  }

  private void markWords(Collection<String> phrases, Language l) {
    for (String p : phrases) {
      for (String w : p.split("\\s+")) {
        markers.get(l).add(w);
      }
    }
  }

  public Genre genre(String id) {
    Genre g = genres.get(id);
    if (g == null) {
      throw new IllegalArgumentException(
          "unknown genre '" + id + "' (genres.tsv has " + String.join(", ", genres.keySet()) + ")");
    }
    return g;
  }

  public Map<String, Genre> genres() {
    return genres;
  }

  /** Every genre phrase (English and Dutch) to the concepts it names. */
  Map<String, List<String>> genrePhrases() {
    return genrePhrases;
  }

  /** Phrases that name a genre only when negated ("not too scary"). */
  Map<String, List<String>> negatedOnlyPhrases() {
    return negatedOnlyPhrases;
  }

  public Country country(String code) {
    Country c = countries.get(code);
    if (c == null) {
      throw new IllegalArgumentException("unknown country code '" + code + "' (see countries.tsv)");
    }
    return c;
  }

  Map<String, String> countryNouns() {
    return countryNouns;
  }

  Map<String, String> countryAdjectives() {
    return countryAdjectives;
  }

  public SpokenLanguage language(String code) {
    SpokenLanguage l = languages.get(code);
    if (l == null) {
      throw new IllegalArgumentException(
          "unknown language code '" + code + "' (see languages.tsv)");
    }
    return l;
  }

  /**
   * The catalogue's names of the main countries of a language: a title that lists no language
   * counts as in that language when its main production country is one of these.
   *
   * @throws IllegalArgumentException for a code languages.tsv does not know
   */
  public Set<String> catalogueCountriesSpeaking(String code) {
    return catalogueCountries(language(code).mainCountries());
  }

  Map<String, String> languagePhrases() {
    return languagePhrases;
  }

  /** Filler words and phrases of a language, dropped from the semantic query. */
  public Set<String> fillers(Language l) {
    return fillers.getOrDefault(l, Set.of());
  }

  /** Single words that tell a request's language (fillers and constraint words of it). */
  Set<String> markers(Language l) {
    return markers.get(l);
  }

  /** The catalogue genre names of a set of concepts. */
  public Set<String> catalogueGenres(Collection<String> ids) {
    Set<String> out = new LinkedHashSet<>();
    ids.forEach(id -> out.addAll(genre(id).catalogueGenres()));
    return out;
  }

  /** The catalogue country names of a set of country codes. */
  public Set<String> catalogueCountries(Collection<String> codes) {
    Set<String> out = new LinkedHashSet<>();
    codes.forEach(c -> out.addAll(country(c).catalogueNames()));
    return out;
  }
}
