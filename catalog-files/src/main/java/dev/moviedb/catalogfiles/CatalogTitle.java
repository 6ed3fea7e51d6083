package dev.moviedb.catalogfiles;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import java.time.Year;
import java.util.List;

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
    List<Availability> availability) {

  public static final int MAX_TITLE_LENGTH = 300;
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
        other);
  }

  /** The source part of the title id ({@code netflix} in {@code netflix:s2629}). */
  public String source() {
    int colon = titleId.indexOf(':');
    return colon < 0 ? "" : titleId.substring(0, colon);
  }
}
