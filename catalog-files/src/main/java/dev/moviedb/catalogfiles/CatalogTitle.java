package dev.moviedb.catalogfiles;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One title as a catalogue file describes it, already validated: constructing an invalid one throws
 * {@link InvalidFieldException} naming the field.
 */
public record CatalogTitle(
    String titleId,
    TitleType type,
    String title,
    List<String> alternateTitles,
    Integer year,
    Integer runtimeMinutes,
    Integer seasons,
    List<String> genres,
    List<String> cast,
    List<String> directors,
    List<String> countries,
    List<String> languages,
    String maturityRating,
    String description,
    String franchise,
    List<Availability> availability,
    Map<String, String> externalIds) {

  public static final int MAX_TITLE_LENGTH = 300;
  public static final int MAX_EXTERNAL_IDS = 20;
  private static final Pattern EXTERNAL_ID_KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Map<String, Pattern> EXTERNAL_ID_FORMATS =
      Map.of("imdb", Pattern.compile("tt\\d{7,10}"), "tmdb", Pattern.compile("\\d{1,12}"));
  public static final int MAX_DESCRIPTION_LENGTH = 5_000;
  public static final int MAX_LIST_SIZE = 200;
  public static final int FIRST_FILM_YEAR = 1888;

  public CatalogTitle {
    titleId = required("titleId", titleId);
    if (type == null) {
      throw new InvalidFieldException("type", "is missing (expected MOVIE or SERIES)");
    }
    title = required("title", title);
    if (title.length() > MAX_TITLE_LENGTH) {
      throw new InvalidFieldException(
          "title", "is " + title.length() + " characters long, the maximum is " + MAX_TITLE_LENGTH);
    }
    if (year != null && (year < FIRST_FILM_YEAR || year > Year.now().getValue() + 5)) {
      throw new InvalidFieldException(
          "year", year + " is impossible (expected " + FIRST_FILM_YEAR + " to next few years)");
    }
    if (runtimeMinutes != null && (runtimeMinutes <= 0 || runtimeMinutes > 1_000)) {
      throw new InvalidFieldException("runtimeMinutes", runtimeMinutes + " minutes is impossible");
    }
    if (seasons != null && (seasons <= 0 || seasons > 100)) {
      throw new InvalidFieldException("seasons", seasons + " seasons is impossible");
    }
    if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
      throw new InvalidFieldException(
          "description",
          "is "
              + description.length()
              + " characters long, the maximum is "
              + MAX_DESCRIPTION_LENGTH);
    }
    alternateTitles = list("alternateTitles", alternateTitles);
    genres = list("genres", genres);
    cast = list("cast", cast);
    directors = list("directors", directors);
    countries = list("countries", countries);
    languages = list("languages", languages);
    availability = availability == null ? List.of() : List.copyOf(availability);
    externalIds = validExternalIds(externalIds);
  }

  /** A title without external ids, as the formats without such a column give it. */
  public CatalogTitle(
      String titleId,
      TitleType type,
      String title,
      List<String> alternateTitles,
      Integer year,
      Integer runtimeMinutes,
      Integer seasons,
      List<String> genres,
      List<String> cast,
      List<String> directors,
      List<String> countries,
      List<String> languages,
      String maturityRating,
      String description,
      String franchise,
      List<Availability> availability) {
    this(
        titleId,
        type,
        title,
        alternateTitles,
        year,
        runtimeMinutes,
        seasons,
        genres,
        cast,
        directors,
        countries,
        languages,
        maturityRating,
        description,
        franchise,
        availability,
        Map.of());
  }

  /**
   * Ids of the work in other databases, kind (lower case, e.g. {@code imdb}, {@code tmdb}) to id;
   * IMDb ids look like {@code tt4179452}, TMDB ids are numbers.
   */
  private static Map<String, String> validExternalIds(Map<String, String> ids) {
    if (ids == null || ids.isEmpty()) {
      return Map.of();
    }
    if (ids.size() > MAX_EXTERNAL_IDS) {
      throw new InvalidFieldException(
          "externalIds", "has " + ids.size() + " entries, the maximum is " + MAX_EXTERNAL_IDS);
    }
    SortedMap<String, String> out = new TreeMap<>();
    ids.forEach(
        (rawKind, rawId) -> {
          String kind = rawKind == null ? "" : rawKind.strip().toLowerCase(Locale.ROOT);
          if (!EXTERNAL_ID_KIND.matcher(kind).matches()) {
            throw new InvalidFieldException(
                "externalIds",
                "has the kind '" + rawKind + "' (expected a lower-case name such as imdb or tmdb)");
          }
          String id = rawId == null ? "" : rawId.strip();
          if (id.isEmpty() || id.length() > 100) {
            throw new InvalidFieldException(
                "externalIds." + kind, "is empty or longer than 100 characters");
          }
          Pattern format = EXTERNAL_ID_FORMATS.get(kind);
          if (format != null && !format.matcher(id).matches()) {
            throw new InvalidFieldException(
                "externalIds." + kind,
                "'"
                    + id
                    + "' is not "
                    + ("imdb".equals(kind) ? "an IMDb id (tt1234567)" : "a number"));
          }
          out.put(kind, id);
        });
    return Collections.unmodifiableSortedMap(out);
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is missing");
    }
    return value.strip();
  }

  private static List<String> list(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_LIST_SIZE) {
      throw new InvalidFieldException(
          field, "has " + values.size() + " entries, the maximum is " + MAX_LIST_SIZE);
    }
    return values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
  }

  /** The same title with another availability list. */
  public CatalogTitle withAvailability(List<Availability> other) {
    return new CatalogTitle(
        titleId,
        type,
        title,
        alternateTitles,
        year,
        runtimeMinutes,
        seasons,
        genres,
        cast,
        directors,
        countries,
        languages,
        maturityRating,
        description,
        franchise,
        other,
        externalIds);
  }

  /** The source part of the title id ({@code netflix} in {@code netflix:s2629}). */
  public String source() {
    int colon = titleId.indexOf(':');
    return colon < 0 ? "" : titleId.substring(0, colon);
  }
}
