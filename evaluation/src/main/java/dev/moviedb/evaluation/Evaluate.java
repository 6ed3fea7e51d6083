package dev.moviedb.evaluation;

import dev.moviedb.evaluation.Report.Table;
import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.understanding.LabelledRequest;
import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.embedding.OllamaEmbedder;
import dev.moviedb.vectors.embedding.QueryCache;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.text.DocumentText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs every evaluation the available data allows and writes the Markdown report. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluates query -> title retrieval, document-text forms, taste -> title ranking,"
            + " diversity and recommend-api's fusion defaults on public data.")
public final class Evaluate implements Callable<Integer> {

  static final int QUICK_TOMT_QUERIES = 100;
  static final int QUICK_USERS = 50;
  static final int PEOPLE_REQUESTS_PER_KIND = 200;

  /** Query vectors remembered for the run: each request is embedded once for every sweep. */
  static final int QUERY_CACHE = 200_000;

  @Option(
      names = "--data",
      description = "Shared data directory (default: -Dmoviedb.shared-data or ../shared/data).")
  Path data;

  @Option(
      names = "--catalog",
      description = "Catalogue CSV (default: DATA/catalog/netflix_titles.csv).")
  Path catalog;

  @Option(names = "--queries", description = "Labelled queries JSONL (default: the bundled set).")
  Path queries;

  @Option(
      names = "--models",
      split = ",",
      defaultValue = "bge-small-en-v1.5-q,all-minilm-l6-v2-q",
      description = "Embedding models, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(
      names = "--forms",
      split = ",",
      defaultValue = "full,plot-first,no-people,minimal,plot-first-lean",
      description =
          "Document-text forms to compare (DocumentText.Form ids, comma-separated; default:"
              + " ${DEFAULT-VALUE}). Each is embedded once per model, then cached.")
  List<String> forms;

  @Option(
      names = "--ollama-url",
      defaultValue = "http://localhost:11434",
      description =
          "Ollama server for models named ollama:<model> (e.g. ollama:nomic-embed-text);"
              + " a model whose server does not answer is reported as skipped.")
  String ollamaUrl;

  @Option(names = "--out", defaultValue = "docs/EVALUATION.md", description = "Report file.")
  Path out;

  @Option(names = "--max-users", defaultValue = "200", description = "MovieLens users to score.")
  int maxUsers;

  @Option(
      names = "--quick",
      description =
          "Small run: at most "
              + QUICK_TOMT_QUERIES
              + " TOMT queries and "
              + QUICK_USERS
              + " MovieLens users.")
  boolean quick;

  @Option(
      names = "--cache",
      description = "Embedding cache directory (default: evaluation/target/cache).")
  Path cache;

  private String[] args = new String[0];

  public static void main(String[] args) {
    Evaluate evaluate = new Evaluate();
    evaluate.args = args;
    System.exit(new CommandLine(evaluate).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Path dataDir = dataDir();
    Path catalogFile = catalog != null ? catalog : dataDir.resolve("catalog/netflix_titles.csv");
    Path cacheDir = cache != null ? cache : defaultCache();
    int users = quick ? Math.min(maxUsers, QUICK_USERS) : maxUsers;

    Report report = new Report("MovieDB evaluation");
    report
        .fact("Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .fact("Git commit", gitCommit())
        .fact("Machine", machine())
        .fact("Command", "`" + command() + "`")
        .fact("Models", String.join(", ", models))
        .fact("Data", dataDir.toAbsolutePath().normalize().toString())
        .fact("Run", quick ? "quick (--quick)" : "full")
        .fact(
            "Document text",
            "`"
                + DocumentText.Form.DEFAULT.id()
                + "` (DocumentText.Form.DEFAULT, what the embedding worker embeds) for every table"
                + " except \"Document-text forms\"");

    if (!Files.isRegularFile(catalogFile)) {
      report.skipped(
          "Everything: the catalogue "
              + catalogFile
              + " is absent, and every evaluation ranks it. Pass --data or --catalog.");
      return finish(report, started);
    }
    Catalogue catalogue = Catalogue.load(catalogFile);
    report.fact(
        "Catalogue",
        catalogFile.getFileName()
            + ": "
            + catalogue.size()
            + " titles ("
            + catalogue.rejected()
            + " rows rejected by the importer)");

    List<AutoCloseable> closeables = new ArrayList<>();
    try (Bm25Index bm25 = new Bm25Index(catalogue.titles())) {
      List<ModelRun> runs = new ArrayList<>();
      EmbeddingCache embeddingCache = new EmbeddingCache(cacheDir);
      for (String id : models) {
        try {
          TextEmbedder embedder;
          if (id.strip().startsWith("ollama:")) {
            embedder =
                new OllamaEmbedder(
                    ollamaUrl,
                    id.strip().substring("ollama:".length()),
                    java.time.Duration.ofSeconds(120),
                    2,
                    "",
                    "");
          } else {
            InProcessEmbedder inProcess =
                new InProcessEmbedder(EmbeddingModels.byId(id.strip()), 2, 1);
            closeables.add(inProcess);
            embedder = inProcess;
          }
          long t = System.nanoTime();
          DenseIndex vectors =
              new DenseIndex(embeddingCache.vectors(catalogue.documentTexts(), embedder));
          ShippedIndex index =
              new ShippedIndex(
                  catalogue,
                  vectors,
                  embedder.modelId(),
                  ShippedIndex.directory(
                      indexRoot(cacheDir), embedder.modelId(), DocumentText.Form.DEFAULT),
                  RankingSettings.DEFAULTS.calibrationSample());
          closeables.add(index);
          report.note(
              embedder.modelId()
                  + ": title vectors ready and indexed in "
                  + seconds(t)
                  + " (cache "
                  + cacheDir
                  + ")");
          runs.add(new ModelRun(embedder.modelId(), new QueryCache(embedder, QUERY_CACHE), index));
        } catch (RuntimeException e) {
          report.skipped("Model " + id + ": " + e.getMessage());
        }
      }

      Path ratingsFile = dataDir.resolve("movielens/ratings.csv");
      Path linkFile = dataDir.resolve("movielens/ml_small_to_netflix_show_id.csv");
      HeldOut.Protocol protocol =
          Files.isRegularFile(ratingsFile) && Files.isRegularFile(linkFile)
              ? HeldOut.of(catalogue, MovieLens.load(ratingsFile, linkFile), users)
              : null;
      if (protocol != null) {
        // recommend-api ranks with what everyone watches; here that is every MovieLens user's
        // training ratings (never a held-out one), for every table below.
        SignalsFromRatings everyone = SignalsFromRatings.of(protocol.training());
        runs.forEach(r -> r.index().watching(everyone));
        report.note(
            "collective signals: the training ratings of "
                + protocol.training().size()
                + " MovieLens users, through collective-state's rules and BatchSignals");
      } else {
        report.skipped(
            "Collective signals (co-watch, popularity): MovieLens is absent, so every ranking here"
                + " has none.");
      }

      report.section("Query -> title");
      QueryEval queryEval = new QueryEval(catalogue, bm25, runs);
      List<QueryCase> labelled =
          queries != null ? QuerySets.labelled(queries) : QuerySets.labelledDefault();
      List<QueryCase> labelledKnown = QuerySets.resolve(labelled, catalogue);
      if (labelledKnown.size() < labelled.size()) {
        report.note(
            (labelled.size() - labelledKnown.size())
                + " labelled requests dropped: none of their answers is in the catalogue.");
      }
      long t = System.nanoTime();
      report.table(
          retrievalTable(
              "Labelled requests (" + labelledKnown.size() + ", English and Dutch)",
              "The team's own requests with accepted answers; type and runtime constraints are"
                  + " applied as filters for every method. \"shipped ranking\": recommend-api's"
                  + " ranking module over its vector store at its defaults, the words alone."
                  + " MRR counts the first accepted answer within the top 100.",
              queryEval.evaluate("labelled", labelledKnown)));
      report.note("labelled requests evaluated in " + seconds(t));

      Path tomtFile = dataDir.resolve("tomt/tomt_train_netflix.jsonl");
      List<QueryCase> tomt = List.of();
      if (Files.isRegularFile(tomtFile)) {
        List<QueryCase> all = QuerySets.tomt(tomtFile);
        tomt = QuerySets.resolve(all, catalogue);
        if (quick && tomt.size() > QUICK_TOMT_QUERIES) {
          tomt = tomt.subList(0, QUICK_TOMT_QUERIES);
        }
        t = System.nanoTime();
        report.table(
            retrievalTable(
                "Reddit TOMT (" + tomt.size() + " of " + all.size() + " queries)",
                "Long, messy \"I remember a movie where...\" posts (title + text, first "
                    + Bm25Index.MAX_QUERY_CHARS
                    + " characters for BM25); one gold title each.",
                queryEval.evaluate("tomt", tomt)));
        report.note("TOMT evaluated in " + seconds(t));
      } else {
        report.skipped("Reddit TOMT query -> title: " + tomtFile + " is absent.");
      }
      if (!runs.isEmpty()) {
        t = System.nanoTime();
        ModelRun primary = runs.get(0);
        ConstraintEval constraintEval = new ConstraintEval(primary);
        List<LabelledRequest> constrained = ConstraintEval.labelled();
        var outcomes = constraintEval.evaluate(constrained);
        report.table(ConstraintEval.table(outcomes, constrained.size(), primary.modelId()));
        report.table(glossTable(constraintEval.glossOnLabelledSet(labelledKnown, catalogue)));
        Path details = cacheDir.resolveSibling("constraint-eval.txt");
        ConstraintEval.details(details, outcomes);
        report.note(
            "constrained requests evaluated in " + seconds(t) + " (every list: " + details + ")");
      }
      if (queryEval.failures() > 0) {
        report.note(queryEval.failures() + " method calls failed on a query; counted as misses.");
      }
      if (!runs.isEmpty()) {
        t = System.nanoTime();
        FormEval formEval = new FormEval(catalogue, embeddingCache, runs, indexRoot(cacheDir));
        List<QueryCase> people =
            QuerySets.people(catalogue, PEOPLE_REQUESTS_PER_KIND, QueryEval.RANDOM_SEED);
        List<FormEval.FormScore> formScores =
            formEval.evaluate(
                forms.stream().map(DocumentText.Form::byId).distinct().toList(),
                labelledKnown,
                tomt,
                people,
                protocol);
        SweepReport.forms(
            report,
            formScores,
            labelledKnown.size(),
            tomt.size(),
            people.size(),
            runs.get(0).modelId());
        formEval.timings().forEach(report::note);
        if (formEval.failures() > 0) {
          report.note(formEval.failures() + " form requests failed; counted as misses.");
        }
        report.note("document-text forms evaluated in " + seconds(t));

        t = System.nanoTime();
        AspectEval aspectEval = new AspectEval(catalogue, embeddingCache, runs);
        SweepReport.aspects(
            report,
            aspectEval.evaluate(labelledKnown, tomt, people),
            labelledKnown.size(),
            tomt.size(),
            people.size(),
            runs.get(0).modelId());
        if (aspectEval.failures() > 0) {
          report.note(aspectEval.failures() + " aspect-vector requests failed; counted as misses.");
        }
        report.note("aspect vectors evaluated in " + seconds(t));
      }

      if (protocol == null) {
        report.skipped(
            "MovieLens taste -> title and diversity: "
                + (Files.isRegularFile(ratingsFile) ? linkFile : ratingsFile)
                + " is absent.");
      } else if (runs.isEmpty()) {
        report.skipped("MovieLens taste -> title and diversity: no embedding model loaded.");
      } else {
        t = System.nanoTime();
        TasteEval.Result r = new TasteEval(catalogue, runs).evaluate(protocol);
        tasteTables(report, r, users);
        SweepReport.collective(report, r, runs.get(0).modelId());
        SweepReport.negativeShares(report, r, runs.get(0).modelId());
        report.note("MovieLens taste evaluated in " + seconds(t));

        t = System.nanoTime();
        report.section("Combined requests: recommend-api's fusion defaults");
        FusionEval fusion = new FusionEval(catalogue, runs, protocol);
        String primary = runs.get(0).modelId();
        double alpha = SweepReport.alpha(report, fusion, fusion.alphaSweep(), primary);
        report.note("alpha and calibration sweep evaluated in " + seconds(t));
        t = System.nanoTime();
        SweepReport.candidates(report, fusion.candidateSweep(alpha), alpha, primary);
        report.note("candidate-count sweep evaluated in " + seconds(t));
      }
    } finally {
      for (AutoCloseable closeable : closeables) {
        closeable.close();
      }
    }
    return finish(report, started);
  }

  private static Table glossTable(Map<String, int[]> counts) {
    List<List<String>> rows = new ArrayList<>();
    counts.forEach(
        (method, c) ->
            rows.add(
                List.of(
                    method,
                    c[0]
                        + "/"
                        + c[1]
                        + " ("
                        + Report.num(c[1] == 0 ? 0 : (double) c[0] / c[1])
                        + ")",
                    c[2]
                        + "/"
                        + c[3]
                        + " ("
                        + Report.num(c[3] == 0 ? 0 : (double) c[2] / c[3])
                        + ")")));
    return new Table(
        "Dutch words for the English model, on the labelled requests",
        "hit@10 of the labelled requests above (which the glossary was not written for) per"
            + " language, through the shipped reading with each way of glossing Dutch words:"
            + " the glossary (the module's own table), FreeDict (Debian's dict-freedict-nld-eng),"
            + " both (shipped), or none.",
        List.of("reading", "English hit@10", "Dutch hit@10"),
        rows);
  }

  private static Table retrievalTable(String title, String note, List<RetrievalScore> scores) {
    List<List<String>> rows = new ArrayList<>();
    for (RetrievalScore s : scores) {
      rows.add(
          List.of(
              s.method(),
              String.valueOf(s.queries()),
              Report.num(s.hit1()),
              Report.num(s.hit10()),
              Report.num(s.mrr())));
    }
    return new Table(title, note, List.of("method", "queries", "hit@1", "hit@10", "MRR"), rows);
  }

  private static void tasteTables(Report report, TasteEval.Result r, int users) {
    report.section("Taste -> title (MovieLens ml-latest-small)");
    String protocol =
        String.format(
            java.util.Locale.ROOT,
            "%d linked ratings from %d users; %d users have >= %d linked ratings; %d scored"
                + " (limit %d), %d skipped without a held-out liked title. Per user the newest"
                + " 20%% is held out; the rest becomes the taste state the taste service keeps"
                + " (weights through its SignalWeights: rating >= 4 LIKED, <= 2 DISLIKED, else"
                + " WATCHED), and the shipped ranking (recommend-api's ranking module over its"
                + " vector store, defaults: negative share %.1f, alpha %.1f, diversity %.1f, one"
                + " title per franchise) ranks the catalogue; training titles are watched, so"
                + " never ranked. Relevant: held-out titles rated >= 4. The genre request is \"a"
                + " <genre>\" for the commonest genre of the user's held-out liked titles (an"
                + " oracle request).",
            r.linkedRatings(),
            r.ratedUsers(),
            r.eligibleUsers(),
            TasteEval.MIN_RATINGS,
            r.evaluatedUsers(),
            users,
            r.skippedNoHeldOutLike(),
            RankingSettings.DEFAULTS.negativeShare(),
            RankingSettings.DEFAULTS.alpha(),
            RankingSettings.DEFAULTS.diversity());
    List<List<String>> rows = new ArrayList<>();
    for (TasteEval.TasteScore s : r.taste()) {
      rows.add(
          List.of(
              s.method(),
              String.valueOf(s.users()),
              Report.num(s.hit10()),
              Report.num(s.ndcg10())));
    }
    report.table(
        new Table(
            "Held-out liked titles",
            protocol,
            List.of("method", "users", "hit@10", "nDCG@10"),
            rows));

    List<List<String>> div = new ArrayList<>();
    for (TasteEval.DiversityScore s : r.diversity()) {
      div.add(
          List.of(
              s.model(),
              s.method(),
              Report.num(s.hit10()),
              Report.num(s.ndcg10()),
              Report.num(s.intraListSimilarity()),
              Report.num(s.coverage())));
    }
    report.table(
        new Table(
            "Diversity (the shipped ranking of the taste at each diversity)",
            "The ranking module's MMR (lambda = 1 - diversity) over the best titles of the fused"
                + " ranking, one title per franchise."
                + " Intra-list similarity: mean pairwise cosine of the top 10 (lower is more varied)."
                + " Coverage: distinct titles in all scored users' top 10 / catalogue size.",
            List.of("model", "ranking", "hit@10", "nDCG@10", "intra-list similarity", "coverage"),
            div));
  }

  private int finish(Report report, long started) throws IOException {
    report.fact("Duration", seconds(started));
    String md = report.markdown();
    System.out.println(md);
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.writeString(target, md, StandardCharsets.UTF_8);
    System.err.println("report written to " + target);
    return 0;
  }

  private Path dataDir() {
    if (data != null) {
      return data;
    }
    String prop = System.getProperty("moviedb.shared-data");
    return Path.of(prop != null && !prop.isBlank() ? prop : "../shared/data");
  }

  /** Where the shipped indexes are written for the run (beside the embedding cache). */
  private static Path indexRoot(Path cacheDir) {
    return cacheDir.resolveSibling("eval-index");
  }

  private static Path defaultCache() {
    return Files.isDirectory(Path.of("evaluation"))
        ? Path.of("evaluation", "target", "cache")
        : Path.of("target", "cache");
  }

  private String command() {
    // bin/moviedb passes the whole command line, arguments included.
    String given = System.getProperty("moviedb.command");
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    String prefix = "java " + Evaluate.class.getName();
    return args.length == 0 ? prefix : prefix + " " + String.join(" ", args);
  }

  static String gitCommit() {
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
              .redirectErrorStream(true)
              .start();
      String outText =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !outText.isEmpty()) {
        return outText;
      }
    } catch (IOException e) {
      // no git on this machine: say so below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown (git rev-parse failed)";
  }

  static String machine() {
    Runtime rt = Runtime.getRuntime();
    return rt.availableProcessors()
        + " CPUs (nproc), "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.version")
        + ", max heap "
        + rt.maxMemory() / (1024 * 1024)
        + " MiB";
  }

  private static String seconds(long startNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
