package dev.moviedb.vectors.store;

import dev.moviedb.events.TitleType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hard filters applied inside the vector index. Every field is optional; {@code services} and
 * {@code country} go together and mean "available on any of those services there on {@code day}". A
 * bound on a field the title lacks (a runtime bound on a series, a season bound on a movie, a
 * maturity bound on an unrated title) excludes the title.
 *
 * @param genres the title has at least one of these genres
 * @param excludedGenres the title has none of these genres
 * @param language the title is in this language (ISO 639-1 code)
 * @param productionCountries the title was produced in at least one of these countries (names as
 *     the catalogue spells them, e.g. {@code South Korea}; case ignored)
 * @param languageCountries for {@code language}: a title that lists no languages at all counts as
 *     in that language when its first (main) production country is one of these (the real catalogue
 *     has no languages; a co-production's other countries say little about its language); empty:
 *     only listed languages count
 * @param maxMaturityAge the title's rating admits viewers of this age ({@link Maturity})
 * @param leavingBy the title's availability on the service in the country ends (its {@code until})
 *     by this day: "leaving soon" (no effect without a service and a country)
 * @param newSince the title's availability on the service in the country began ({@code from}) on
 *     this day or later: "new on" (no effect without a service and a country)
 * @param genreGroups the title has at least one genre of every group ("romantic comedy": one of the
 *     romance genres and one of the comedy genres)
 */
public record TitleFilter(
    List<String> services,
    String country,
    LocalDate day,
    TitleType type,
    Set<String> genres,
    Set<String> excludedGenres,
    Integer minYear,
    Integer maxYear,
    Integer maxRuntimeMinutes,
    String language,
    Integer minRuntimeMinutes,
    Integer minSeasons,
    Integer maxSeasons,
    Set<String> productionCountries,
    Set<String> languageCountries,
    Integer maxMaturityAge,
    List<Set<String>> genreGroups,
    LocalDate leavingBy,
    LocalDate newSince) {

  public static final TitleFilter NONE = builder().build();

  public TitleFilter {
    genres = normalise(genres);
    excludedGenres = normalise(excludedGenres);
    productionCountries = normalise(productionCountries);
    languageCountries = normalise(languageCountries);
    genreGroups =
        genreGroups == null
            ? List.of()
            : genreGroups.stream().filter(g -> !g.isEmpty()).map(TitleFilter::normalise).toList();
    services =
        services == null
            ? List.of()
            : services.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    if (services.isEmpty() != (country == null)) {
      throw new IllegalArgumentException("service and country must be given together");
    }
    if (day == null) {
      day = LocalDate.now();
    }
    language = language == null ? null : language.toLowerCase(Locale.ROOT);
    requireOrdered("year", minYear, maxYear);
    requireOrdered("runtime", minRuntimeMinutes, maxRuntimeMinutes);
    requireOrdered("seasons", minSeasons, maxSeasons);
  }

  private static void requireOrdered(String what, Integer min, Integer max) {
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(
          "the minimum " + what + " " + min + " is above the maximum " + max);
    }
  }

  public static TitleFilter availableOn(String service, String country) {
    return builder().availableOn(service, country, LocalDate.now()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every filter of this one, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.services = services;
    b.country = country;
    b.day = day;
    b.type = type;
    b.genres = genres;
    b.excludedGenres = excludedGenres;
    b.minYear = minYear;
    b.maxYear = maxYear;
    b.maxRuntimeMinutes = maxRuntimeMinutes;
    b.language = language;
    b.minRuntimeMinutes = minRuntimeMinutes;
    b.minSeasons = minSeasons;
    b.maxSeasons = maxSeasons;
    b.productionCountries = productionCountries;
    b.languageCountries = languageCountries;
    b.maxMaturityAge = maxMaturityAge;
    b.genreGroups = genreGroups;
    b.leavingBy = leavingBy;
    b.newSince = newSince;
    return b;
  }

  /**
   * Whether the title is available on one of the services in the country today, and, when asked,
   * that availability ends by {@link #leavingBy} or began on {@link #newSince} or later.
   */
  private boolean availableHere(StoredTitle t) {
    for (String service : services) {
      if (t.availableOn(service, country, day)
          && (leavingBy == null || t.leavingBy(service, country, day, leavingBy))
          && (newSince == null || t.arrivedSince(service, country, day, newSince))) {
        return true;
      }
    }
    return false;
  }

  /** Genre names compare case-insensitively. */
  public static String genreKey(String genre) {
    return genre.trim().toLowerCase(Locale.ROOT);
  }

  /** Production country names compare case-insensitively, as genres do. */
  public static String countryKey(String country) {
    return genreKey(country);
  }

  /** The key under which an availability is indexed, e.g. {@code netflix|NL}. */
  public static String availabilityKey(String service, String country) {
    return service.trim().toLowerCase(Locale.ROOT) + "|" + country.trim().toUpperCase(Locale.ROOT);
  }

  private static Set<String> normalise(Collection<String> names) {
    return names == null
        ? Set.of()
        : names.stream().map(TitleFilter::genreKey).collect(Collectors.toUnmodifiableSet());
  }

  /** The keys of the availabilities any of which a title needs ({@link #availabilityKey}). */
  public List<String> availabilityKeys() {
    return services.stream().map(v -> availabilityKey(v, country)).toList();
  }

  /** The only service asked for, or null when none or several were. */
  public String singleService() {
    return services.size() == 1 ? services.get(0) : null;
  }

  /** Whether the title passes every filter (used where the index cannot apply one itself). */
  public boolean accepts(StoredTitle t) {
    if (!services.isEmpty() && !availableHere(t)) {
      return false;
    }
    if (type != null && t.type() != type) {
      return false;
    }
    if (!genres.isEmpty() || !excludedGenres.isEmpty() || !genreGroups.isEmpty()) {
      Set<String> titleGenres =
          t.genres().stream().map(TitleFilter::genreKey).collect(Collectors.toSet());
      if (!genres.isEmpty() && genres.stream().noneMatch(titleGenres::contains)) {
        return false;
      }
      if (excludedGenres.stream().anyMatch(titleGenres::contains)) {
        return false;
      }
      for (Set<String> group : genreGroups) {
        if (group.stream().noneMatch(titleGenres::contains)) {
          return false;
        }
      }
    }
    if (!within(t.year(), minYear, maxYear)
        || !within(t.runtimeMinutes(), minRuntimeMinutes, maxRuntimeMinutes)
        || !within(t.seasons(), minSeasons, maxSeasons)
        || !within(t.maturityAge(), null, maxMaturityAge)) {
      return false;
    }
    if (!productionCountries.isEmpty()
        && t.countries().stream()
            .map(TitleFilter::countryKey)
            .noneMatch(productionCountries::contains)) {
      return false;
    }
    return language == null || inLanguage(t);
  }

  private boolean inLanguage(StoredTitle t) {
    if (t.languages().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(language))) {
      return true;
    }
    return t.languages().isEmpty()
        && !t.countries().isEmpty()
        && languageCountries.contains(countryKey(t.countries().get(0)));
  }

  private static boolean within(Integer value, Integer min, Integer max) {
    if (min == null && max == null) {
      return true;
    }
    return value != null && (min == null || value >= min) && (max == null || value <= max);
  }

  /** Builds a filter field by field; unset fields filter nothing. */
  public static final class Builder {
    private List<String> services = List.of();
    private String country;
    private LocalDate day;
    private TitleType type;
    private Set<String> genres = Set.of();
    private Set<String> excludedGenres = Set.of();
    private Integer minYear;
    private Integer maxYear;
    private Integer maxRuntimeMinutes;
    private String language;
    private Integer minRuntimeMinutes;
    private Integer minSeasons;
    private Integer maxSeasons;
    private Set<String> productionCountries = Set.of();
    private Set<String> languageCountries = Set.of();
    private Integer maxMaturityAge;
    private List<Set<String>> genreGroups = List.of();
    private LocalDate leavingBy;
    private LocalDate newSince;

    private Builder() {}

    /** Only titles whose availability on the service in the country ends by this day. */
    public Builder leavingBy(LocalDate lastDay) {
      this.leavingBy = lastDay;
      return this;
    }

    /** Only titles whose availability on the service in the country began on this day or later. */
    public Builder newSince(LocalDate firstDay) {
      this.newSince = firstDay;
      return this;
    }

    public Builder availableOn(String service, String country, LocalDate day) {
      return availableOn(service == null ? List.of() : List.of(service), country, day);
    }

    /** Titles available on any of the services in the country on the day. */
    public Builder availableOn(List<String> services, String country, LocalDate day) {
      this.services = services;
      this.country = country;
      this.day = day;
      return this;
    }

    public Builder type(TitleType type) {
      this.type = type;
      return this;
    }

    public Builder genres(Set<String> genres) {
      this.genres = genres;
      return this;
    }

    public Builder excludedGenres(Set<String> excludedGenres) {
      this.excludedGenres = excludedGenres;
      return this;
    }

    public Builder years(Integer min, Integer max) {
      this.minYear = min;
      this.maxYear = max;
      return this;
    }

    public Builder runtimeMinutes(Integer min, Integer max) {
      this.minRuntimeMinutes = min;
      this.maxRuntimeMinutes = max;
      return this;
    }

    public Builder seasons(Integer min, Integer max) {
      this.minSeasons = min;
      this.maxSeasons = max;
      return this;
    }

    public Builder language(String language, Set<String> languageCountries) {
      this.language = language;
      this.languageCountries = languageCountries;
      return this;
    }

    public Builder productionCountries(Set<String> productionCountries) {
      this.productionCountries = productionCountries;
      return this;
    }

    public Builder maxMaturityAge(Integer maxMaturityAge) {
      this.maxMaturityAge = maxMaturityAge;
      return this;
    }

    public Builder genreGroups(List<Set<String>> genreGroups) {
      this.genreGroups = genreGroups;
      return this;
    }

    public TitleFilter build() {
      return new TitleFilter(
          services,
          country,
          day,
          type,
          genres,
          excludedGenres,
          minYear,
          maxYear,
          maxRuntimeMinutes,
          language,
          minRuntimeMinutes,
          minSeasons,
          maxSeasons,
          productionCountries,
          languageCountries,
          maxMaturityAge,
          genreGroups,
          leavingBy,
          newSince);
    }
  }
}
