package dev.moviedb.vectors.store;

import dev.moviedb.events.TitleType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hard filters applied inside the vector index. Every field is optional; {@code service} and {@code
 * country} go together and mean "available there on {@code day}".
 */
public record TitleFilter(
    String service,
    String country,
    LocalDate day,
    TitleType type,
    Set<String> genres,
    Set<String> excludedGenres,
    Integer minYear,
    Integer maxYear,
    Integer maxRuntimeMinutes,
    String language) {

  public static final TitleFilter NONE =
      new TitleFilter(null, null, null, null, Set.of(), Set.of(), null, null, null, null);

  public TitleFilter {
    genres = normalise(genres);
    excludedGenres = normalise(excludedGenres);
    if ((service == null) != (country == null)) {
      throw new IllegalArgumentException("service and country must be given together");
    }
    if (day == null) {
      day = LocalDate.now();
    }
    language = language == null ? null : language.toLowerCase(Locale.ROOT);
  }

  public static TitleFilter availableOn(String service, String country) {
    return new TitleFilter(
        service, country, LocalDate.now(), null, Set.of(), Set.of(), null, null, null, null);
  }

  /** Genre names compare case-insensitively. */
  public static String genreKey(String genre) {
    return genre.trim().toLowerCase(Locale.ROOT);
  }

  /** The key under which an availability is indexed, e.g. {@code netflix|NL}. */
  public static String availabilityKey(String service, String country) {
    return service.trim().toLowerCase(Locale.ROOT) + "|" + country.trim().toUpperCase(Locale.ROOT);
  }

  private static Set<String> normalise(Set<String> names) {
    return names == null
        ? Set.of()
        : names.stream().map(TitleFilter::genreKey).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the title passes every filter (used where the index cannot apply one itself). */
  public boolean accepts(StoredTitle t) {
    if (service != null && !t.availableOn(service, country, day)) {
      return false;
    }
    if (type != null && t.type() != type) {
      return false;
    }
    if (!genres.isEmpty() || !excludedGenres.isEmpty()) {
      Set<String> titleGenres =
          t.genres().stream().map(TitleFilter::genreKey).collect(Collectors.toSet());
      if (!genres.isEmpty() && genres.stream().noneMatch(titleGenres::contains)) {
        return false;
      }
      if (excludedGenres.stream().anyMatch(titleGenres::contains)) {
        return false;
      }
    }
    if (minYear != null && (t.year() == null || t.year() < minYear)) {
      return false;
    }
    if (maxYear != null && (t.year() == null || t.year() > maxYear)) {
      return false;
    }
    if (maxRuntimeMinutes != null
        && (t.runtimeMinutes() == null || t.runtimeMinutes() > maxRuntimeMinutes)) {
      return false;
    }
    return language == null
        || t.languages().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(language));
  }
}
