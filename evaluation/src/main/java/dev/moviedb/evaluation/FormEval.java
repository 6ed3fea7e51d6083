package dev.moviedb.evaluation;

import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.text.DocumentText.Form;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped ranking per document-text form and model: the catalogue is embedded in each form
 * (through the {@link EmbeddingCache}, so only the first run pays) and indexed as recommend-api
 * serves it, and the labelled requests, TOMT posts and generated requests by person are ranked
 * against it exactly as {@link QueryEval} ranks the default form, and MovieLens users' held-out
 * titles against their taste as {@link TasteEval} does.
 */
final class FormEval {

  /**
   * One form with one model: per-request metrics on each query set, and per-user metrics of the
   * MovieLens taste ranking (no cases when MovieLens is absent).
   */
  record FormScore(
      Form form,
      String model,
      CaseMetrics labelled,
      CaseMetrics tomt,
      CaseMetrics people,
      CaseMetrics taste) {}

  private final Catalogue catalogue;
  private final EmbeddingCache cache;
  private final List<ModelRun> runs;
  private final Path indexRoot;
  private final List<String> timings = new ArrayList<>();
  private int failures;

  FormEval(Catalogue catalogue, EmbeddingCache cache, List<ModelRun> runs, Path indexRoot) {
    this.catalogue = catalogue;
    this.cache = cache;
    this.runs = runs;
    this.indexRoot = indexRoot;
  }

  /**
   * Scores every form with every model; {@code movieLens} may be null (then the taste metrics have
   * no cases).
   */
  List<FormScore> evaluate(
      List<Form> forms,
      List<QueryCase> labelled,
      List<QueryCase> tomt,
      List<QueryCase> people,
      HeldOut.Protocol movieLens)
      throws IOException {
    List<FormScore> out = new ArrayList<>();
    for (ModelRun run : runs) {
      for (Form form : forms) {
        long t = System.nanoTime();
        ModelRun formRun =
            form == Form.DEFAULT
                ? run
                : new ModelRun(
                    run.modelId(),
                    run.embedder(),
                    new ShippedIndex(
                        catalogue,
                        new DenseIndex(
                            cache.vectors(catalogue.documentTexts(form), run.embedder())),
                        run.modelId(),
                        ShippedIndex.directory(indexRoot, run.modelId(), form),
                        RankingSettings.DEFAULTS.calibrationSample()));
        try {
          timings.add(
              String.format(
                  java.util.Locale.ROOT,
                  "%s, form %s: title vectors ready and indexed in %.1f s",
                  run.modelId(),
                  form.id(),
                  (System.nanoTime() - t) / 1e9));
          out.add(
              new FormScore(
                  form,
                  run.modelId(),
                  score(formRun, labelled),
                  score(formRun, tomt),
                  score(formRun, people),
                  taste(formRun.index(), movieLens)));
        } finally {
          if (formRun != run) {
            formRun.index().close();
          }
        }
      }
    }
    return out;
  }

  /** How long each form's vectors took (long only when they were not cached yet). */
  List<String> timings() {
    return List.copyOf(timings);
  }

  /** Requests on which the model threw; each counts as a miss. */
  int failures() {
    return failures;
  }

  /** The taste ranking of {@link TasteEval} (the shipped ranking) over this form's vectors. */
  private CaseMetrics taste(ShippedIndex index, HeldOut.Protocol movieLens) {
    CaseMetrics metrics = new CaseMetrics();
    if (movieLens == null) {
      return metrics;
    }
    for (HeldOut.User user : movieLens.users()) {
      metrics.add(
          index.rank(
              ShippedIndex.SHIPPED,
              TasteEval.taste(user, TasteEval.DEPTH, TasteEval.TASTE_ALONE),
              TitleFilter.NONE),
          new HashSet<>(user.liked()),
          TasteEval.DEPTH);
    }
    return metrics;
  }

  private CaseMetrics score(ModelRun run, List<QueryCase> cases) {
    CaseMetrics metrics = new CaseMetrics();
    for (QueryCase c : cases) {
      Set<Integer> gold = c.gold(catalogue);
      List<Integer> ranking;
      try {
        ranking = QueryEval.shipped(run, c);
      } catch (RuntimeException e) {
        failures++;
        ranking = List.of();
      }
      metrics.add(ranking, gold, QueryEval.DEPTH);
    }
    return metrics;
  }
}
