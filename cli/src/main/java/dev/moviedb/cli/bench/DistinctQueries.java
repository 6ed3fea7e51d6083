package dev.moviedb.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.understanding.RequestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Requests as people type them, none twice: the evaluation's labelled and constrained requests
 * (English and Dutch), each with one of a few openings and one of a few endings, so that no request
 * finds its embedding in recommend-api's query cache. Request {@code i} is a fixed text, so two
 * runs send the same sequence; {@link #size()} texts differ from each other.
 */
final class DistinctQueries {

  // Details people add to a request: words the reader keeps as meaning (fillers such as "please"
  // or "for tonight" are dropped before embedding, so they would not make a request distinct).
  private static final List<String> FIRST =
      List.of(
          "",
          " with a dog",
          " set in a small town",
          " about a family",
          " with a twist",
          " in the snow",
          " about friendship",
          " with a strong heroine",
          " about music",
          " set at sea",
          " about revenge",
          " in a big city",
          " about a wedding",
          " with robots",
          " set in the desert",
          " about a detective",
          " about sports",
          " with magic",
          " on an island",
          " about a school",
          " met een hond",
          " over vriendschap",
          " in de sneeuw",
          " over een familie",
          " about cooking",
          " with pirates",
          " about a road trip",
          " set in space",
          " about twins",
          " with a heist");

  private static final List<String> SECOND =
      List.of(
          "",
          " and a lot of humour",
          " and beautiful landscapes",
          " and an unexpected ending",
          " and a love story",
          " and some action",
          " and a great soundtrack",
          " and a villain",
          " and a journey",
          " and a secret",
          " and dancing",
          " and a courtroom",
          " and horses",
          " and a ghost",
          " en veel humor",
          " en een geheim",
          " and a chase",
          " and letters",
          " and a storm",
          " and a train");

  /** Requests a harness run can send before the sequence repeats (more than one run sends). */
  static final int SIZE = 40_000;

  private final List<String> sequence;

  private DistinctQueries(List<String> sequence) {
    this.sequence = sequence;
  }

  /**
   * The labelled and the constrained requests of the evaluation module with their details, each
   * kept only when the words recommend-api embeds for it (as the reader leaves them) are new: two
   * requests of constraints only ("films from the eighties with a dog", "a show with one season
   * with a dog") would both embed "dog".
   */
  static DistinctQueries load(ObjectMapper json) {
    List<String> requests = new ArrayList<>();
    requests.addAll(read(json, "/queries/labelled-queries.jsonl"));
    requests.addAll(read(json, "/queries/constrained-requests.jsonl"));
    RequestReader reader = RequestReader.standard(2021); // the real catalogue's newest year
    Set<String> embedded = new HashSet<>();
    List<String> sequence = new ArrayList<>(SIZE);
    long candidates = (long) requests.size() * FIRST.size() * SECOND.size();
    for (long k = 0; k < candidates && sequence.size() < SIZE; k++) {
      String request = requests.get((int) (k % requests.size()));
      long rest = k / requests.size();
      String text =
          request
              + FIRST.get((int) (rest % FIRST.size()))
              + SECOND.get((int) (rest / FIRST.size()));
      if (embedded.add(embeddedWords(reader, text))) {
        sequence.add(text);
      }
    }
    return new DistinctQueries(List.copyOf(sequence));
  }

  /** What recommend-api embeds for a request, as its query cache keys it. */
  static String embeddedWords(RequestReader reader, String text) {
    String semantic = reader.read(text).semanticText();
    return (semantic.isEmpty() ? text : semantic).strip().toLowerCase(Locale.ROOT);
  }

  /** How many requests differ before the sequence repeats. */
  long size() {
    return sequence.size();
  }

  /** The {@code i}-th request of the sequence (it starts again after {@link #size()}). */
  String get(long i) {
    return sequence.get((int) Math.floorMod(i, (long) sequence.size()));
  }

  private static List<String> read(ObjectMapper json, String resource) {
    List<String> queries = new ArrayList<>();
    try (InputStream in = DistinctQueries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (evaluation module)");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          queries.add(json.readTree(line).get("query").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return queries;
  }
}
