package dev.moviedb.evaluation;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.understanding.Constraints;
import dev.moviedb.understanding.FreeDict;
import dev.moviedb.understanding.Glossary;
import dev.moviedb.understanding.Glosser;
import dev.moviedb.understanding.LabelledRequest;
import dev.moviedb.understanding.Language;
import dev.moviedb.understanding.RequestReader;
import dev.moviedb.understanding.Understood;
import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.ScoredTitle;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.lucene.LuceneVectorStore;
import dev.moviedb.vectors.text.DocumentText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Constraint precision@10 (the share of the top 10 that satisfies every constraint of a labelled
 * request) and hit@10 (an accepted answer in the top 10), per request language, on the real
 * catalogue with the real model, for: the raw text as the query without filters (what recommend-api
 * did before request understanding), the understood request as filters plus the remaining query
 * with Dutch glossed by the domain glossary, the same with FreeDict instead, and the glossary
 * variant without genre words in the query. Ranking is plain cosine order in a {@link
 * LuceneVectorStore} filled with the catalogue's {@code DocumentText.Form.DEFAULT} vectors.
 *
 * <p>Run (after {@code ./mvnw -pl evaluation -am package -DskipTests}, from the project root):
 *
 * <pre>
 * java -cp "evaluation/target/evaluation-0.1.0-SNAPSHOT.jar:evaluation/target/lib/*" \
 *   dev.moviedb.evaluation.ConstraintEval [--catalog FILE] [--requests FILE] [--cache DIR]
 *   [--freedict DIR] [--details FILE]
 * </pre>
 */
public final class ConstraintEval {

  public static final String REQUESTS_RESOURCE = "/queries/constrained-requests.jsonl";
  static final int K = 10;

  /** How far a "but less X" steer pulls the query away from X. */
  static final double STEER_AWAY = 0.5;

  private final Catalogue catalogue;
  private final TextEmbedder embedder;
  private final LuceneVectorStore store;
  private final Map<String, StoredTitle> byId = new HashMap<>();
  private final Map<String, String> idByTitle = new HashMap<>();
  private final Map<String, float[]> queryVectors = new HashMap<>();

  ConstraintEval(Catalogue catalogue, TextEmbedder embedder, List<float[]> vectors, Path dir) {
    this.catalogue = catalogue;
    this.embedder = embedder;
    this.store = LuceneVectorStore.forWriting(dir);
    store.bindModel(embedder.modelId(), embedder.dimension());
    List<StoredTitle> titles = new ArrayList<>();
    for (int i = 0; i < catalogue.size(); i++) {
      TitlePublished t = catalogue.title(i);
      StoredTitle s = StoredTitle.from(t, "eval", vectors.get(i));
      titles.add(s);
      byId.put(s.titleId(), s);
      idByTitle.putIfAbsent(t.title().toLowerCase(Locale.ROOT).strip(), t.titleId());
    }
    for (int from = 0; from < titles.size(); from += 1000) {
      store.upsert(titles.subList(from, Math.min(titles.size(), from + 1000)));
    }
  }

  /** Whether a text names a catalogue title (case ignored): the reader's "like X" look-up. */
  boolean knownTitle(String text) {
    return idByTitle.containsKey(text.toLowerCase(Locale.ROOT).strip());
  }

  /** One way of answering a request: a filter and a vector, and a title to leave out. */
  record Plan(TitleFilter filter, float[] vector, String excludedId) {}

  /** Today's behaviour: the raw text embedded, no filter. */
  Plan raw(String text) {
    return new Plan(TitleFilter.NONE, embed(text), null);
  }

  /** The understood request: its filters, and the query, anchor and steers composed in cosine. */
  Plan understood(Understood u) {
    float[] anchor = null;
    String anchorId = null;
    if (u.likeTitle() != null) {
      anchorId = idByTitle.get(u.likeTitle().toLowerCase(Locale.ROOT).strip());
      anchor = anchorId == null ? embed(u.likeTitle()) : byId.get(anchorId).vector();
    }
    String semantic = u.semanticText();
    float[] query = semantic.isEmpty() ? null : embed(semantic);
    if (query == null && anchor == null) {
      query = embed(u.text()); // nothing but constraints, none carrying meaning: the words as typed
    }
    double[] v = new double[embedder.dimension()];
    for (float[] part : new float[][] {anchor, query}) {
      if (part != null) {
        for (int i = 0; i < v.length; i++) {
          v[i] += part[i];
        }
      }
    }
    float[] composed = Vectors.normalize(v);
    if (!u.lessOf().isEmpty()) {
      float[] away = embed(String.join(" ", u.lessOf()));
      double[] w = new double[v.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = composed[i] - STEER_AWAY * away[i];
      }
      composed = Vectors.normalize(w);
    }
    return new Plan(u.filter(TitleFilter.NONE), composed, anchorId);
  }

  private float[] embed(String text) {
    return queryVectors.computeIfAbsent(text, embedder::embedQuery);
  }

  List<StoredTitle> top(Plan plan) {
    return store.search(plan.vector(), K + 1, plan.filter()).stream()
        .map(ScoredTitle::title)
        .filter(t -> !t.titleId().equals(plan.excludedId()))
        .limit(K)
        .toList();
  }

  /** What one method achieved on one request. */
  record Outcome(
      LabelledRequest request, List<StoredTitle> top, int satisfying, boolean hit, String read) {
    double precision() {
      return top.isEmpty() ? 0 : (double) satisfying / top.size();
    }
  }

  Outcome measure(LabelledRequest r, Plan plan, String read) {
    List<StoredTitle> top = top(plan);
    int ok = (int) top.stream().filter(r::satisfiedBy).count();
    boolean hit = top.stream().anyMatch(t -> r.answers().contains(t.titleId()));
    return new Outcome(r, top, ok, hit, read);
  }

  /** Mean precision (lists that came back empty count as 0), hit@10 and counts, by language. */
  record Summary(
      String method,
      Language language,
      int requests,
      double precision,
      int empty,
      int withAnswers,
      int hits,
      int readExactly) {

    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %s | %d | %.2f | %d | %s | %s |",
          method,
          language == null ? "all" : language.code(),
          requests,
          precision,
          empty,
          withAnswers == 0
              ? "-"
              : String.format(
                  Locale.ROOT, "%.2f (%d/%d)", (double) hits / withAnswers, hits, withAnswers),
          readExactly < 0 ? "-" : readExactly + "/" + requests);
    }
  }

  static Summary summarise(String method, Language l, List<Outcome> outcomes, boolean reading) {
    List<Outcome> mine =
        outcomes.stream().filter(o -> l == null || o.request().language() == l).toList();
    double precision = mine.stream().mapToDouble(Outcome::precision).average().orElse(0);
    int empty = (int) mine.stream().filter(o -> o.top().isEmpty()).count();
    List<Outcome> answered = mine.stream().filter(o -> !o.request().answers().isEmpty()).toList();
    int hits = (int) answered.stream().filter(Outcome::hit).count();
    int exact =
        reading
            ? (int) mine.stream().filter(o -> o.read() != null && o.read().equals("exact")).count()
            : -1;
    return new Summary(method, l, mine.size(), precision, empty, answered.size(), hits, exact);
  }

  /** Whether the reader's constraints are the labelled ones. */
  static String compare(Constraints read, Constraints labelled) {
    return read.equals(labelled)
        ? "exact"
        : "read " + read.asMap() + " labelled " + labelled.asMap();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    Path data = Path.of(System.getProperty("moviedb.shared-data", "../shared/data"));
    Path csv =
        Path.of(
            opts.getOrDefault("--catalog", data.resolve("catalog/netflix_titles.csv").toString()));
    Path cache = Path.of(opts.getOrDefault("--cache", "evaluation/target/cache"));
    Path freedictDir = Path.of(opts.getOrDefault("--freedict", FreeDict.DEBIAN_DIR.toString()));
    Path details = Path.of(opts.getOrDefault("--details", "evaluation/target/constraint-eval.txt"));
    if (!Files.isRegularFile(csv)) {
      System.err.println("the catalogue " + csv + " is absent: pass --catalog FILE");
      System.exit(2);
    }
    List<LabelledRequest> requests;
    if (opts.containsKey("--requests")) {
      try (InputStream in = Files.newInputStream(Path.of(opts.get("--requests")))) {
        requests = LabelledRequest.read(in, opts.get("--requests"));
      }
    } else {
      try (InputStream in = ConstraintEval.class.getResourceAsStream(REQUESTS_RESOURCE)) {
        requests = LabelledRequest.read(in, REQUESTS_RESOURCE);
      }
    }
    Optional<FreeDict> freedict = FreeDict.open(freedictDir);
    long started = System.nanoTime();
    Catalogue catalogue = Catalogue.load(csv);
    int referenceYear =
        catalogue.titles().stream()
            .map(TitlePublished::year)
            .filter(java.util.Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(java.time.Year.now().getValue());
    Path dir = Files.createTempDirectory("constraint-eval");
    try (InProcessEmbedder embedder =
        new InProcessEmbedder(EmbeddingModels.byId("bge-small-en-v1.5-q"), 2, 1)) {
      List<float[]> vectors =
          new EmbeddingCache(cache)
              .vectors(catalogue.documentTexts(DocumentText.Form.DEFAULT), embedder);
      ConstraintEval eval = new ConstraintEval(catalogue, embedder, vectors, dir);
      RequestReader glossary =
          new RequestReader(Glossary.standard(), referenceYear, eval::knownTitle, true);
      Map<String, RequestReader> readers = new LinkedHashMap<>();
      readers.put("understood, glossary", glossary);
      readers.put("understood, glossary, genre words dropped", glossary.keepingGenreWords(false));
      freedict.ifPresent(
          f -> {
            readers.put("understood, FreeDict", glossary.withGlosser(f));
            readers.put(
                "understood, glossary then FreeDict (shipped)",
                glossary.withGlosser(Glossary.standard().orElse(f)));
          });
      readers.put("understood, no gloss", glossary.withGlosser(Glosser.NONE));

      Map<String, List<Outcome>> results = new LinkedHashMap<>();
      results.put(
          "raw text, no filters",
          requests.stream().map(r -> eval.measure(r, eval.raw(r.query()), null)).toList());
      for (var e : readers.entrySet()) {
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledRequest r : requests) {
          Understood u = e.getValue().read(r.query());
          outcomes.add(
              eval.measure(r, eval.understood(u), compare(u.constraints(), r.constraints())));
        }
        results.put(e.getKey(), outcomes);
      }
      PrintStream out = System.out;
      out.printf(
          Locale.ROOT,
          "Constrained requests: %d (%d en, %d nl), catalogue %s (%d titles), model %s, reference"
              + " year %d, FreeDict %s, %.0f s%n%n",
          requests.size(),
          requests.stream().filter(r -> r.language() == Language.EN).count(),
          requests.stream().filter(r -> r.language() == Language.NL).count(),
          csv.getFileName(),
          catalogue.size(),
          embedder.modelId(),
          referenceYear,
          freedict.map(f -> f.size() + " headwords").orElse("not installed"),
          (System.nanoTime() - started) / 1e9);
      out.println(
          "| method | lang | requests | constraint precision@10 | empty lists | hit@10 |"
              + " constraints read exactly |");
      out.println("|---|---|---|---|---|---|---|");
      for (var e : results.entrySet()) {
        boolean reading = !e.getKey().startsWith("raw");
        for (Language l : new Language[] {Language.EN, Language.NL, null}) {
          out.println(summarise(e.getKey(), l, e.getValue(), reading).row());
        }
      }
      writeDetails(details, results, glossary, requests);
      heldOutGlossCheck(out, eval, readers);
      out.println();
      out.println("Per-request details: " + details);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Glossary against FreeDict on requests neither was written for: the Dutch requests of the
   * labelled query set (labelled-queries.jsonl), hit@10 of their accepted titles.
   */
  private static void heldOutGlossCheck(
      PrintStream out, ConstraintEval eval, Map<String, RequestReader> readers) throws IOException {
    List<QueryCase> cases = QuerySets.labelledDefault();
    out.println();
    out.println(
        "Labelled query set (labelled-queries.jsonl), hit@10 per language, through the same"
            + " understanding:");
    out.println("| method | en | nl |");
    out.println("|---|---|---|");
    Map<String, java.util.function.Function<String, Plan>> methods = new LinkedHashMap<>();
    methods.put("raw text, no filters", eval::raw);
    readers.forEach((name, reader) -> methods.put(name, q -> eval.understood(reader.read(q))));
    Map<String, boolean[]> hitBy = new LinkedHashMap<>();
    for (var m : methods.entrySet()) {
      int[] hits = new int[2];
      int[] n = new int[2];
      boolean[] hit = new boolean[cases.size()];
      for (int i = 0; i < cases.size(); i++) {
        QueryCase c = cases.get(i);
        int lang = c.note() != null && c.note().startsWith("nl") ? 1 : 0;
        n[lang]++;
        hit[i] =
            eval.top(m.getValue().apply(c.query())).stream()
                .anyMatch(t -> c.answers().contains(t.titleId()));
        if (hit[i]) {
          hits[lang]++;
        }
      }
      hitBy.put(m.getKey(), hit);
      out.printf(
          Locale.ROOT,
          "| %s | %.2f (%d/%d) | %.2f (%d/%d) |%n",
          m.getKey(),
          (double) hits[0] / n[0],
          hits[0],
          n[0],
          (double) hits[1] / n[1],
          hits[1],
          n[1]);
    }
    out.println();
    out.println("Requests of that set where the methods disagree (hit = +):");
    for (int i = 0; i < cases.size(); i++) {
      StringBuilder marks = new StringBuilder();
      boolean first = hitBy.values().iterator().next()[i];
      boolean differ = false;
      for (boolean[] hit : hitBy.values()) {
        marks.append(hit[i] ? '+' : '.');
        differ |= hit[i] != first;
      }
      if (differ) {
        out.println("  " + marks + "  " + cases.get(i).query());
      }
    }
  }

  private static void writeDetails(
      Path file,
      Map<String, List<Outcome>> results,
      RequestReader reader,
      List<LabelledRequest> requests)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < requests.size(); i++) {
      LabelledRequest r = requests.get(i);
      sb.append("## ").append(r.query()).append("  [").append(r.language().code()).append("]\n");
      sb.append("labelled: ")
          .append(r.constraints().asMap())
          .append(" answers ")
          .append(r.answers())
          .append('\n');
      sb.append("understood: ").append(reader.read(r.query()).summary()).append('\n');
      for (var e : results.entrySet()) {
        Outcome o = e.getValue().get(i);
        sb.append(
            String.format(
                Locale.ROOT,
                "- %s: %d/%d%s%s%n",
                e.getKey(),
                o.satisfying(),
                o.top().size(),
                o.hit() ? " HIT" : "",
                o.read() == null || o.read().equals("exact") ? "" : " (" + o.read() + ")"));
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
