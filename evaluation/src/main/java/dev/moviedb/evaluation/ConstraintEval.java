package dev.moviedb.evaluation;

import dev.moviedb.evaluation.Report.Table;
import dev.moviedb.ranking.RankedTitle;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.understanding.Constraints;
import dev.moviedb.understanding.FreeDict;
import dev.moviedb.understanding.Glossary;
import dev.moviedb.understanding.Glosser;
import dev.moviedb.understanding.LabelledRequest;
import dev.moviedb.understanding.Language;
import dev.moviedb.understanding.RequestReader;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Requests in plain words that constrain the answer (the team's labelled constrained requests, half
 * Dutch): constraint precision@10 (the share of the 10 titles shown that satisfy every constraint
 * of the request), hit@10 (an accepted answer among them) and how often the reader read exactly the
 * labelled constraints, per request language. Methods: the shipped path (read by the understanding
 * module, ranked by the ranking module over the vector store), the same with other glossers for
 * Dutch (glossary alone, FreeDict alone, none) or without genre words in the query, and the words
 * as typed with no filter (what recommend-api did before it read requests).
 */
final class ConstraintEval {

  static final String REQUESTS_RESOURCE = "/queries/constrained-requests.jsonl";
  static final int K = 10;

  /** What one method achieved on one request. */
  record Outcome(LabelledRequest request, List<StoredTitle> top, boolean readExactly) {
    int satisfying() {
      return (int) top.stream().filter(request::satisfiedBy).count();
    }

    double precision() {
      return top.isEmpty() ? 0 : (double) satisfying() / top.size();
    }

    boolean hit() {
      return top.stream().anyMatch(t -> request.answers().contains(t.titleId()));
    }
  }

  private final ModelRun run;
  private final Map<String, RequestReader> readers = new LinkedHashMap<>();

  ConstraintEval(ModelRun run) {
    this.run = run;
    RequestReader shipped = run.index().reader();
    readers.put("shipped (glossary, then FreeDict where installed)", shipped);
    readers.put("glossary only", shipped.withGlosser(Glossary.standard()));
    Optional<FreeDict> freedict = FreeDict.open(FreeDict.DEBIAN_DIR);
    freedict.ifPresent(f -> readers.put("FreeDict only", shipped.withGlosser(f)));
    readers.put("no gloss", shipped.withGlosser(Glosser.NONE));
    readers.put("shipped, genre words dropped from the query", shipped.keepingGenreWords(false));
  }

  static List<LabelledRequest> labelled() throws IOException {
    try (InputStream in = ConstraintEval.class.getResourceAsStream(REQUESTS_RESOURCE)) {
      if (in == null) {
        throw new IOException(REQUESTS_RESOURCE + " is not on the classpath");
      }
      return LabelledRequest.read(in, REQUESTS_RESOURCE);
    }
  }

  /** Every method on every request, in request order. */
  Map<String, List<Outcome>> evaluate(List<LabelledRequest> requests) {
    Map<String, List<Outcome>> results = new LinkedHashMap<>();
    List<Outcome> raw = new ArrayList<>();
    for (LabelledRequest r : requests) {
      float[] q = run.embedder().embedQuery(r.query());
      raw.add(
          new Outcome(
              r,
              titles(
                  run.index()
                      .ranking(
                          ShippedIndex.SHIPPED,
                          RankingRequest.forQuery(q, r.query(), K),
                          TitleFilter.NONE)
                      .items()),
              false));
    }
    results.put("words as typed, no filter (before)", raw);
    for (var reader : readers.entrySet()) {
      List<Outcome> outcomes = new ArrayList<>();
      for (LabelledRequest r : requests) {
        Constraints read = reader.getValue().read(r.query()).constraints();
        outcomes.add(
            new Outcome(
                r,
                titles(
                    run.index()
                        .words(
                            r.query(),
                            TitleFilter.NONE,
                            run.embedder(),
                            reader.getValue(),
                            TasteWeights.NONE,
                            K)
                        .items()),
                read.equals(r.constraints())));
      }
      results.put(reader.getKey(), outcomes);
    }
    return results;
  }

  /** hit@10 of the labelled query set's requests per language, through each reader. */
  Map<String, int[]> glossOnLabelledSet(List<QueryCase> cases, Catalogue catalogue) {
    Map<String, int[]> out = new LinkedHashMap<>();
    for (var reader : readers.entrySet()) {
      int[] counts = new int[4]; // en hits, en requests, nl hits, nl requests
      for (QueryCase c : cases) {
        int lang = c.note() != null && c.note().startsWith("nl") ? 2 : 0;
        counts[lang + 1]++;
        List<Integer> top =
            run.index()
                .positions(
                    run.index()
                        .words(
                            c.query(),
                            c.filter(),
                            run.embedder(),
                            reader.getValue(),
                            TasteWeights.NONE,
                            K));
        if (top.stream().anyMatch(c.gold(catalogue)::contains)) {
          counts[lang]++;
        }
      }
      out.put(reader.getKey(), counts);
    }
    return out;
  }

  private static List<StoredTitle> titles(List<RankedTitle> items) {
    return items.stream().map(RankedTitle::title).toList();
  }

  /** The table of the report: each method per language and over all requests. */
  static Table table(Map<String, List<Outcome>> results, int requests, String model) {
    List<List<String>> rows = new ArrayList<>();
    for (var e : results.entrySet()) {
      for (Language l : new Language[] {Language.EN, Language.NL, null}) {
        List<Outcome> mine =
            e.getValue().stream().filter(o -> l == null || o.request().language() == l).toList();
        List<Outcome> answered =
            mine.stream().filter(o -> !o.request().answers().isEmpty()).toList();
        long hits = answered.stream().filter(Outcome::hit).count();
        boolean reads = !e.getKey().startsWith("words as typed");
        rows.add(
            List.of(
                e.getKey(),
                l == null ? "all" : l.code(),
                String.valueOf(mine.size()),
                Report.num(mine.stream().mapToDouble(Outcome::precision).average().orElse(0)),
                String.valueOf(mine.stream().filter(o -> o.top().isEmpty()).count()),
                answered.isEmpty()
                    ? "-"
                    : String.format(
                        Locale.ROOT,
                        "%s (%d/%d)",
                        Report.num((double) hits / answered.size()),
                        hits,
                        answered.size()),
                reads
                    ? mine.stream().filter(Outcome::readExactly).count() + "/" + mine.size()
                    : "-"));
      }
    }
    return new Table(
        "Requests in plain words that constrain the answer (" + requests + ", half Dutch)",
        "The team's labelled constrained requests (evaluation/src/main/resources/queries/"
            + "constrained-requests.jsonl): decades, runtimes, seasons, countries, languages,"
            + " genres in and out, audiences, \"like X\", \"but less X\", alone and combined,"
            + " each with the constraints a right answer satisfies and, for some, accepted"
            + " titles. Constraint precision@10: the share of the 10 titles shown that satisfy"
            + " every constraint (an empty list counts 0). The shipped path reads the words"
            + " (understanding module), ranks with the ranking module over the vector store ("
            + model
            + "), no taste. \"read exactly\": the constraints read equal the labelled ones.",
        List.of(
            "method",
            "language",
            "requests",
            "constraint precision@10",
            "empty lists",
            "hit@10",
            "read exactly"),
        rows);
  }

  /** The per-request lists, for reading the failures (written beside the report). */
  static void details(Path file, Map<String, List<Outcome>> results) throws IOException {
    StringBuilder sb = new StringBuilder();
    List<Outcome> first = results.values().iterator().next();
    for (int i = 0; i < first.size(); i++) {
      LabelledRequest r = first.get(i).request();
      sb.append("## ").append(r.query()).append("  [").append(r.language().code()).append("]\n");
      sb.append("labelled: ").append(r.constraints().asMap()).append(' ').append(r.answers());
      sb.append('\n');
      for (var e : results.entrySet()) {
        Outcome o = e.getValue().get(i);
        sb.append(
            String.format(
                Locale.ROOT,
                "- %s: %d/%d%s%n",
                e.getKey(),
                o.satisfying(),
                o.top().size(),
                o.hit() ? " HIT" : ""));
        for (StoredTitle t : o.top()) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "    %s %s %s (%s, %s, %s, %s) %s%n",
                  r.satisfiedBy(t) ? "ok " : "BAD",
                  t.titleId(),
                  t.title(),
                  t.type(),
                  t.year(),
                  t.runtimeMinutes() != null
                      ? t.runtimeMinutes() + " min"
                      : t.seasons() + " seasons",
                  String.join("/", t.countries()),
                  t.genres()));
        }
      }
      sb.append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
