package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The full current record of one catalogue title, published on {@link Topics#CATALOG_TITLES} with
 * the title id as key. A tombstone (null value) under the same key means the title left the
 * catalogue. New fields are only ever added as optional ones.
 *
 * @param titleId stable id: {@code <source>:<native id>}, e.g. {@code netflix:s2629}
 * @param franchise a slug shared by titles of one series or franchise, used to collapse duplicates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TitlePublished(
    int schemaVersion,
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
    Instant updatedAt) {

  public static final int SCHEMA_VERSION = 1;

  public TitlePublished {
    alternateTitles = listOrEmpty(alternateTitles);
    genres = listOrEmpty(genres);
    cast = listOrEmpty(cast);
    directors = listOrEmpty(directors);
    countries = listOrEmpty(countries);
    languages = listOrEmpty(languages);
    availability = listOrEmpty(availability);
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
