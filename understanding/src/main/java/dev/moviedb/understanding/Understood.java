package dev.moviedb.understanding;

import dev.moviedb.vectors.store.TitleFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a request was read: its hard constraints, its steers and the semantic query that remains.
 *
 * @param text the request as typed
 * @param language the language it is written in
 * @param constraints what every title of the answer must satisfy (become filters)
 * @param likeTitle "like X"/"zoals X": the title text X as typed, to be resolved to a title and
 *     used as an anchor vector (and left out of the answer); null if none
 * @param lessOf "but less X"/"maar minder X": what to steer away from, in English
 * @param query the remaining words in English (Dutch glossed), for the embedding model; may be
 *     empty when the constraints said everything
 * @param fallbackQuery what to embed when {@code query} is empty: the constraint words that also
 *     carry meaning (genres, type) in English, e.g. "thriller movie"; may be empty
 * @param readings every constraint and steer with the words it came from, in reading order
 */
public record Understood(
    String text,
    Language language,
    Constraints constraints,
    String likeTitle,
    List<String> lessOf,
    String query,
    String fallbackQuery,
    List<Reading> readings) {

  public Understood {
    if (text == null) {
      throw new IllegalArgumentException("text is required");
    }
    if (language == null || constraints == null) {
      throw new IllegalArgumentException("language and constraints are required");
    }
    lessOf = lessOf == null ? List.of() : List.copyOf(lessOf);
    readings = readings == null ? List.of() : List.copyOf(readings);
    query = query == null ? "" : query.strip();
    fallbackQuery = fallbackQuery == null ? "" : fallbackQuery.strip();
    likeTitle = likeTitle == null || likeTitle.isBlank() ? null : likeTitle.strip();
  }

  /** The text to embed for the semantic part: the query, else the fallback (may be empty). */
  public String semanticText() {
    return query.isEmpty() ? fallbackQuery : query;
  }

  /**
   * The vector-store filter: the constraints read from the words, where the explicit request
   * parameters ({@code explicit}, e.g. {@code type=MOVIE&minYear=2000}) win field by field, and the
   * explicit availability always applies.
   */
  public TitleFilter filter(TitleFilter explicit) {
    TitleFilter words = constraints.toFilter();
    TitleFilter.Builder b = words.toBuilder();
    if (!explicit.services().isEmpty()) {
      b.availableOn(explicit.services(), explicit.country(), explicit.day());
    }
    if (explicit.type() != null) {
      b.type(explicit.type());
    }
    // A range given explicitly (either bound) replaces the range read from the words.
    if (explicit.minYear() != null || explicit.maxYear() != null) {
      b.years(explicit.minYear(), explicit.maxYear());
    }
    if (explicit.minRuntimeMinutes() != null || explicit.maxRuntimeMinutes() != null) {
      b.runtimeMinutes(explicit.minRuntimeMinutes(), explicit.maxRuntimeMinutes());
    }
    if (explicit.minSeasons() != null || explicit.maxSeasons() != null) {
      b.seasons(explicit.minSeasons(), explicit.maxSeasons());
    }
    if (!explicit.genres().isEmpty()) {
      b.genres(explicit.genres());
    }
    if (!explicit.excludedGenres().isEmpty()) {
      b.excludedGenres(explicit.excludedGenres());
    }
    if (!explicit.genreGroups().isEmpty()) {
      b.genreGroups(explicit.genreGroups());
    }
    if (explicit.language() != null) {
      b.language(explicit.language(), explicit.languageCountries());
    }
    if (!explicit.productionCountries().isEmpty()) {
      b.productionCountries(explicit.productionCountries());
    }
    if (explicit.maxMaturityAge() != null) {
      b.maxMaturityAge(explicit.maxMaturityAge());
    }
    return b.build();
  }

  /**
   * What the response shows as {@code understood}: the constraints, the steers, the language and
   * the query, then each reading with its words, e.g. {@code {"type":"SERIES","countries":["NL"],
   * "language":"nl","query":"suspenseful", "from":[{"type":"SERIES","words":"serie"},...]}}.
   */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>(constraints.asMap());
    if (likeTitle != null) {
      m.put("like", likeTitle);
    }
    if (!lessOf.isEmpty()) {
      m.put("lessOf", lessOf);
    }
    m.put("requestLanguage", language.code());
    m.put("query", query);
    m.put(
        "from",
        readings.stream()
            .map(r -> Map.<String, Object>of(r.field(), r.value(), "words", r.words()))
            .toList());
    return m;
  }
}
