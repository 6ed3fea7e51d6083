package dev.moviedb.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.store.StoredTitle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request written by the team with what every title of a correct answer must satisfy, and the
 * titles that answer it well where there are some. One JSON object a line:
 *
 * <pre>{@code
 * {"query": "een spannende serie uit Nederland", "language": "nl",
 *  "constraints": {"type": "SERIES", "countries": ["NL"]},
 *  "notTitles": [], "answers": ["s544"], "note": "..."}
 * }</pre>
 *
 * Constraint fields: {@code type} (MOVIE|SERIES), {@code minYear}, {@code maxYear}, {@code
 * minRuntime}, {@code maxRuntime}, {@code minSeasons}, {@code maxSeasons}, {@code countries} (codes
 * of countries.tsv), {@code language} (codes of languages.tsv), {@code genres} and {@code
 * excludedGenres} (concepts of genres.tsv), {@code maxMaturityAge}. {@code notTitles}: titles that
 * must not be answered (the "like X" title itself). Title ids are netflix_titles.csv show ids
 * ({@code s2629}) or full ids ({@code netflix:s2629}).
 */
public record LabelledRequest(
    String query,
    Language language,
    Constraints constraints,
    Set<String> notTitles,
    Set<String> answers,
    String note) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("query", "language", "constraints", "notTitles", "answers", "note");
  private static final Set<String> CONSTRAINT_FIELDS =
      Set.of(
          "type",
          "minYear",
          "maxYear",
          "minRuntime",
          "maxRuntime",
          "minSeasons",
          "maxSeasons",
          "countries",
          "language",
          "genres",
          "excludedGenres",
          "maxMaturityAge");

  public LabelledRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query is blank");
    }
    if (language == null || constraints == null) {
      throw new IllegalArgumentException("language and constraints are required");
    }
    notTitles = Set.copyOf(notTitles == null ? Set.of() : notTitles);
    answers = Set.copyOf(answers == null ? Set.of() : answers);
  }

  /** The checker: whether a title is an acceptable answer by the constraints of this request. */
  public boolean satisfiedBy(StoredTitle title) {
    return !notTitles.contains(title.titleId()) && constraints.satisfiedBy(title);
  }

  /** {@code s2629} -> {@code netflix:s2629}; full ids stay as they are. */
  public static String titleId(String id) {
    return id.contains(":") ? id : "netflix:" + id;
  }

  /** Reads a JSON-lines file; a bad line fails with the file name, line and field. */
  public static List<LabelledRequest> read(InputStream in, String file) throws IOException {
    List<LabelledRequest> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(parse(JSON.readTree(line)));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static LabelledRequest parse(JsonNode n) {
    unknown(n, FIELDS, "");
    JsonNode c = n.path("constraints");
    if (!c.isObject()) {
      throw new IllegalArgumentException("constraints: an object is required");
    }
    unknown(c, CONSTRAINT_FIELDS, "constraints.");
    String type = text(c, "type");
    Constraints constraints =
        Constraints.builder()
            .type(type == null ? null : TitleType.valueOf(type.toUpperCase(Locale.ROOT)))
            .years(integer(c, "minYear"), integer(c, "maxYear"))
            .runtime(integer(c, "minRuntime"), integer(c, "maxRuntime"))
            .seasons(integer(c, "minSeasons"), integer(c, "maxSeasons"))
            .countries(strings(c, "countries", false))
            .language(text(c, "language"))
            .genres(strings(c, "genres", false))
            .excludedGenres(strings(c, "excludedGenres", false))
            .maxMaturityAge(integer(c, "maxMaturityAge"))
            .build();
    return new LabelledRequest(
        text(n, "query"),
        Language.ofCode(text(n, "language")),
        constraints,
        strings(n, "notTitles", true),
        strings(n, "answers", true),
        text(n, "note"));
  }

  private static void unknown(JsonNode n, Set<String> known, String prefix) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new IllegalArgumentException(prefix + f + ": unknown field");
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isInt()) {
      throw new IllegalArgumentException(field + ": '" + v + "' is not a whole number");
    }
    return v.asInt();
  }

  private static Set<String> strings(JsonNode n, String field, boolean titleIds) {
    JsonNode v = n.get(field);
    Set<String> out = new LinkedHashSet<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + ": a list is required");
    }
    v.forEach(x -> out.add(titleIds ? titleId(x.asText()) : x.asText()));
    return out;
  }
}
