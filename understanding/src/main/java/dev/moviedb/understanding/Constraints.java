package dev.moviedb.understanding;

import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hard constraints a request states: what every title of a correct answer must satisfy. Each
 * field is optional. The same record holds what {@link RequestReader} read from words and what a
 * labelled request says a correct answer must satisfy, so that {@link #satisfiedBy} checks both the
 * same way: through the vector store's own {@link TitleFilter}.
 *
 * @param countries production-country codes of {@code countries.tsv}; any of them
 * @param language a spoken language of {@code languages.tsv}
 * @param genres genre concepts of {@code genres.tsv}; every one of them (one catalogue genre each)
 * @param excludedGenres genre concepts of which the title has none
 * @param maxMaturityAge the title's rating admits viewers of this age ({@code
 *     dev.moviedb.vectors.store.Maturity})
 * @param leavingWithinDays the title's availability where the user watches ends within this many
 *     days ("leaving soon")
 */
public record Constraints(
    TitleType type,
    Integer minYear,
    Integer maxYear,
    Integer minRuntime,
    Integer maxRuntime,
    Integer minSeasons,
    Integer maxSeasons,
    Set<String> countries,
    String language,
    Set<String> genres,
    Set<String> excludedGenres,
    Integer maxMaturityAge,
    Integer leavingWithinDays) {

  public static final Constraints NONE =
      new Constraints(
          null, null, null, null, null, null, null, Set.of(), null, Set.of(), Set.of(), null, null);

  public Constraints {
    countries = sorted(countries);
    genres = sorted(genres);
    excludedGenres = sorted(excludedGenres);
    Vocabulary v = Vocabulary.standard();
    countries.forEach(v::country);
    if (language != null) {
      v.language(language);
    }
    for (String g : genres) {
      if (!v.genre(g).filter()) {
        throw new IllegalArgumentException(
            "genre " + g + " is not a filter (genres.tsv): the catalogue cannot check it");
      }
    }
    excludedGenres.forEach(v::genre);
    for (String g : genres) {
      if (excludedGenres.contains(g)) {
        throw new IllegalArgumentException("genre " + g + " is both wanted and excluded");
      }
    }
    range("year", minYear, maxYear, 1870, 2100);
    range("runtime", minRuntime, maxRuntime, 1, 1000);
    range("seasons", minSeasons, maxSeasons, 1, 100);
    range("maturity age", null, maxMaturityAge, 0, 21);
    range("leaving within days", null, leavingWithinDays, 1, 366);
    if (type == TitleType.MOVIE && (minSeasons != null || maxSeasons != null)) {
      throw new IllegalArgumentException("a movie has no seasons");
    }
    if (type == TitleType.SERIES && (minRuntime != null || maxRuntime != null)) {
      throw new IllegalArgumentException("the catalogue has no runtime for a series");
    }
  }

  private static Set<String> sorted(Set<String> s) {
    return s == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(s));
  }

  private static void range(String what, Integer min, Integer max, int lowest, int highest) {
    for (Integer v : new Integer[] {min, max}) {
      if (v != null && (v < lowest || v > highest)) {
        throw new IllegalArgumentException(
            what + " " + v + " is outside " + lowest + ".." + highest);
      }
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(
          "the minimum " + what + " " + min + " is above the maximum " + max);
    }
  }

  /** Whether nothing is constrained. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The constraints as vector-store filters, over the catalogue's own genre and country names. */
  public TitleFilter toFilter() {
    return toFilter(TitleFilter.builder());
  }

  /** These constraints set on a builder that may already hold other filters (availability). */
  public TitleFilter toFilter(TitleFilter.Builder b) {
    Vocabulary v = Vocabulary.standard();
    b.type(type)
        .years(minYear, maxYear)
        .runtimeMinutes(minRuntime, maxRuntime)
        .seasons(minSeasons, maxSeasons)
        .productionCountries(v.catalogueCountries(countries))
        .excludedGenres(v.catalogueGenres(excludedGenres))
        .genreGroups(genres.stream().map(g -> v.genre(g).catalogueGenres()).toList())
        .maxMaturityAge(maxMaturityAge)
        .leavingBy(
            leavingWithinDays == null
                ? null
                : java.time.LocalDate.now().plusDays(leavingWithinDays));
    if (language != null) {
      b.language(language, v.catalogueCountriesSpeaking(language));
    }
    return b.build();
  }

  /** The checker: whether a catalogue title satisfies every constraint. */
  public boolean satisfiedBy(StoredTitle title) {
    return toFilter().accepts(title);
  }

  /** A copy to change field by field. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.type = type;
    b.minYear = minYear;
    b.maxYear = maxYear;
    b.minRuntime = minRuntime;
    b.maxRuntime = maxRuntime;
    b.minSeasons = minSeasons;
    b.maxSeasons = maxSeasons;
    b.countries = new TreeSet<>(countries);
    b.language = language;
    b.genres = new TreeSet<>(genres);
    b.excludedGenres = new TreeSet<>(excludedGenres);
    b.maxMaturityAge = maxMaturityAge;
    b.leavingWithinDays = leavingWithinDays;
    return b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects constraints; {@link #build} validates them. */
  public static final class Builder {
    TitleType type;
    Integer minYear;
    Integer maxYear;
    Integer minRuntime;
    Integer maxRuntime;
    Integer minSeasons;
    Integer maxSeasons;
    Set<String> countries = new TreeSet<>();
    String language;
    Set<String> genres = new TreeSet<>();
    Set<String> excludedGenres = new TreeSet<>();
    Integer maxMaturityAge;
    Integer leavingWithinDays;

    public Builder type(TitleType t) {
      type = t;
      return this;
    }

    public Builder years(Integer min, Integer max) {
      minYear = min;
      maxYear = max;
      return this;
    }

    public Builder runtime(Integer min, Integer max) {
      minRuntime = min;
      maxRuntime = max;
      return this;
    }

    public Builder seasons(Integer min, Integer max) {
      minSeasons = min;
      maxSeasons = max;
      return this;
    }

    public Builder countries(Set<String> codes) {
      countries = new TreeSet<>(codes);
      return this;
    }

    public Builder language(String code) {
      language = code;
      return this;
    }

    public Builder genres(Set<String> ids) {
      genres = new TreeSet<>(ids);
      return this;
    }

    public Builder excludedGenres(Set<String> ids) {
      excludedGenres = new TreeSet<>(ids);
      return this;
    }

    public Builder leavingWithinDays(Integer days) {
      leavingWithinDays = days;
      return this;
    }

    public Builder maxMaturityAge(Integer age) {
      maxMaturityAge = age;
      return this;
    }

    public Constraints build() {
      return new Constraints(
          type,
          minYear,
          maxYear,
          minRuntime,
          maxRuntime,
          minSeasons,
          maxSeasons,
          countries,
          language,
          genres,
          excludedGenres,
          maxMaturityAge,
          leavingWithinDays);
    }
  }

  /** The constrained fields by name, for the response (unset fields left out). */
  public java.util.Map<String, Object> asMap() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    putIf(m, "type", type == null ? null : type.name());
    putIf(m, "minYear", minYear);
    putIf(m, "maxYear", maxYear);
    putIf(m, "minRuntime", minRuntime);
    putIf(m, "maxRuntime", maxRuntime);
    putIf(m, "minSeasons", minSeasons);
    putIf(m, "maxSeasons", maxSeasons);
    putIf(m, "countries", countries.isEmpty() ? null : List.copyOf(countries));
    putIf(m, "language", language);
    putIf(m, "genres", genres.isEmpty() ? null : List.copyOf(genres));
    putIf(m, "excludedGenres", excludedGenres.isEmpty() ? null : List.copyOf(excludedGenres));
    putIf(m, "maxMaturityAge", maxMaturityAge);
    putIf(m, "leavingWithinDays", leavingWithinDays);
    return m;
  }

  private static void putIf(java.util.Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
