package dev.moviedb.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.TitleType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Readers of the two query sets: the team's labelled requests and Reddit TOMT. */
public final class QuerySets {

  public static final String LABELLED_RESOURCE = "/queries/labelled-queries.jsonl";
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
