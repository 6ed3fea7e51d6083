package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The full current record of one catalogue title, published on {@link Topics#CATALOG_TITLES} with
 * the title id as key, or of one work (the merged record of every source's copy of a film or
 * series), published on {@link Topics#CATALOG_WORKS} with the work id as key. A tombstone (null
 * value) under the same key means the title or work left the catalogue. New fields are only ever
 * added as optional ones.
 *
 * @param titleId stable id: {@code <source>:<native id>}, e.g. {@code netflix:s2629}; on {@code
 *     catalog.works} the work id
 * @param franchise a slug shared by titles of one series or franchise, used to collapse duplicates
 * @param externalIds ids of the work in other databases, e.g. {@code imdb -> tt4179452}; empty when
 *     the source gave none
 * @param workId the work this record belongs to: records of one film or series from several sources
 *     share it (e.g. {@code work:sample:the-last-kingdom}); null only on records published before
 *     works existed
 * @param memberIds on {@code catalog.works}: the title ids of the source records merged into the
 *     work; empty on {@code catalog.titles}
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
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> externalIds,
    String workId,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> memberIds) {

  public static final int SCHEMA_VERSION = 1;

  @JsonCreator
  public TitlePublished {
    alternateTitles = listOrEmpty(alternateTitles);
    genres = listOrEmpty(genres);
    cast = listOrEmpty(cast);
    directors = listOrEmpty(directors);
    countries = listOrEmpty(countries);
    languages = listOrEmpty(languages);
    availability = listOrEmpty(availability);
    externalIds =
        externalIds == null
            ? Map.of()
            : Collections.unmodifiableSortedMap(new TreeMap<>(externalIds));
    memberIds = listOrEmpty(memberIds);
  }

  /** A title record without the fields added for works (external ids, work id, members). */
  public TitlePublished(
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
    this(
        schemaVersion,
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
        updatedAt,
        null,
        null,
        null);
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
