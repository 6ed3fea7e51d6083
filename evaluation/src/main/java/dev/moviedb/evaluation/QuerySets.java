package dev.moviedb.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The query sets: the team's labelled requests, Reddit TOMT, and generated requests by person. */
public final class QuerySets {

  public static final String LABELLED_RESOURCE = "/queries/labelled-queries.jsonl";
  static final int LEADING_CAST = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuerySets() {}

  /**
   * {@code {"query", "answers": [show_id...], "type": SERIES|MOVIE|null, "maxRuntime", "note"}}.
   */
  public static List<QueryCase> labelled(InputStream in) throws IOException {
    List<QueryCase> out = new ArrayList<>();
    for (JsonNode n : lines(in)) {
      Set<String> answers = new LinkedHashSet<>();
      n.path("answers").forEach(a -> answers.add(titleId(a.asText())));
      String type = text(n, "type");
      out.add(
          new QueryCase(
              n.path("query").asText(),
              answers,
              type == null ? null : TitleType.valueOf(type.toUpperCase(Locale.ROOT)),
              n.hasNonNull("maxRuntime") ? n.get("maxRuntime").asInt() : null,
              text(n, "note")));
    }
    return out;
  }

  public static List<QueryCase> labelled(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return labelled(in);
    }
  }

  public static List<QueryCase> labelledDefault() throws IOException {
    try (InputStream in = QuerySets.class.getResourceAsStream(LABELLED_RESOURCE)) {
      if (in == null) {
        throw new IOException(LABELLED_RESOURCE + " is not on the classpath");
      }
      return labelled(in);
    }
  }

  /** TOMT lines: query = query_title + " " + query_text; gold = netflix:netflix_show_id. */
  public static List<QueryCase> tomt(Path file) throws IOException {
    List<QueryCase> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (JsonNode n : lines(in)) {
        String id = text(n, "netflix_show_id");
        String query = (n.path("query_title").asText("") + " " + n.path("query_text").asText(""));
        if (id != null && !query.isBlank()) {
          out.add(
              new QueryCase(query.strip(), Set.of(titleId(id)), null, null, text(n, "query_id")));
        }
      }
    }
    return out;
  }

  /**
   * Requests by person, generated from the catalogue: for {@code perKind} titles drawn at random
   * (seeded), "a movie|series starring <first cast member>" and, for as many titles with a
   * director, "a movie|series directed by <first director>". Accepted: every title with that person
   * among its leading {@link #LEADING_CAST} cast, or among its directors. Neither the labelled set
   * nor TOMT asks for people; these guard against a document text that drops them.
   */
  public static List<QueryCase> people(Catalogue catalogue, int perKind, long seed) {
    Map<String, Set<String>> byCast = new HashMap<>();
    Map<String, Set<String>> byDirector = new HashMap<>();
    for (TitlePublished t : catalogue.titles()) {
      for (String c : t.cast().subList(0, Math.min(LEADING_CAST, t.cast().size()))) {
        byCast.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(t.titleId());
      }
      t.directors()
          .forEach(d -> byDirector.computeIfAbsent(d, x -> new LinkedHashSet<>()).add(t.titleId()));
    }
    List<TitlePublished> shuffled = new ArrayList<>(catalogue.titles());
    Collections.shuffle(shuffled, new Random(seed));
    List<QueryCase> cast = new ArrayList<>();
    List<QueryCase> directed = new ArrayList<>();
    for (TitlePublished t : shuffled) {
      String kind = t.type() == TitleType.SERIES ? "series" : "movie";
      if (cast.size() < perKind && !t.cast().isEmpty()) {
        String c = t.cast().get(0);
        cast.add(new QueryCase("a " + kind + " starring " + c, byCast.get(c), null, null, "cast"));
      }
      if (directed.size() < perKind && !t.directors().isEmpty()) {
        String d = t.directors().get(0);
        directed.add(
            new QueryCase(
                "a " + kind + " directed by " + d, byDirector.get(d), null, null, "director"));
      }
    }
    List<QueryCase> out = new ArrayList<>(cast);
    out.addAll(directed);
    return out;
  }

  /** Keeps the answers the catalogue has; drops requests left without any. */
  public static List<QueryCase> resolve(List<QueryCase> cases, Catalogue catalogue) {
    List<QueryCase> out = new ArrayList<>();
    for (QueryCase c : cases) {
      Set<String> known = new LinkedHashSet<>();
      for (String a : c.answers()) {
        if (catalogue.indexOf(a) >= 0) {
          known.add(a);
        }
      }
      if (!known.isEmpty()) {
        out.add(new QueryCase(c.query(), known, c.type(), c.maxRuntime(), c.note()));
      }
    }
    return out;
  }

  static String titleId(String showId) {
    return showId.contains(":") ? showId : "netflix:" + showId.strip();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static List<JsonNode> lines(InputStream in) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
