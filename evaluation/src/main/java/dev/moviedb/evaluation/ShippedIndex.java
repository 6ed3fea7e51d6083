package dev.moviedb.evaluation;

import dev.moviedb.ranking.CalibrationSamples;
import dev.moviedb.ranking.Collective;
import dev.moviedb.ranking.RankedTitle;
import dev.moviedb.ranking.Ranker;
import dev.moviedb.ranking.Ranking;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.ranking.StoreTitles;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.understanding.RequestPlan;
import dev.moviedb.understanding.RequestReader;
import dev.moviedb.understanding.TitleNames;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.lucene.LuceneVectorStore;
import dev.moviedb.vectors.text.DocumentText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The catalogue as recommend-api serves it: every title with its vector in the embedded Lucene
 * vector store (the adapter recommend-api reads), ranked by the ranking module recommend-api calls
 * ({@link Ranker}) through the same {@link StoreTitles} source. What the evaluation measures here
 * is what ships; only the calibration sample is drawn with a fixed seed, so that a run repeats.
 */
final class ShippedIndex implements AutoCloseable {

  static final long SAMPLE_SEED = 512;

  /** The ranking with recommend-api's defaults. */
  static final Ranker SHIPPED = new Ranker(RankingSettings.DEFAULTS);

  private final Catalogue catalogue;
  private final DenseIndex vectors;
  private final LuceneVectorStore store;
  private final Path dir;
  private final CalibrationSamples samples;
  private volatile TitleNames names;
  private volatile Collective collective = Collective.NONE;
  private volatile RequestReader reader;

  /**
   * Writes the catalogue's vectors into a fresh index under {@code dir}.
   *
   * @param vectors one vector per catalogue title, in catalogue order
   */
  ShippedIndex(
      Catalogue catalogue, DenseIndex vectors, String modelId, Path dir, int calibrationSample) {
    this.catalogue = catalogue;
    this.vectors = vectors;
    this.dir = dir;
    deleteRecursively(dir);
    this.store = LuceneVectorStore.forWriting(dir);
    store.bindModel(modelId, vectors.vector(0).length);
    List<StoredTitle> titles = new ArrayList<>(catalogue.size());
    for (int i = 0; i < catalogue.size(); i++) {
      titles.add(StoredTitle.from(catalogue.title(i), "eval-" + i, vectors.vector(i)));
      if (titles.size() == 1000 || i == catalogue.size() - 1) {
        store.upsert(titles);
        titles.clear();
      }
    }
    this.samples = new CalibrationSamples(calibrationSample, () -> new Random(SAMPLE_SEED));
  }

  /** The catalogue's titles by name ("like X"), read from the index once. */
  TitleNames names() {
    TitleNames n = names;
    if (n == null) {
      n = TitleNames.of(store::forEach);
      names = n;
    }
    return n;
  }

  /** The request reader recommend-api builds for this catalogue. */
  RequestReader reader() {
    RequestReader r = reader;
    if (r == null) {
      r = RequestPlan.readerFor(names());
      reader = r;
    }
    return r;
  }

  /**
   * The shipped path of a request in words (recommend-api's): read, planned into filters and a
   * request vector ({@link RequestPlan}), then ranked; {@code explicit} is the filter of explicit
   * request parameters.
   */
  Ranking words(
      String text,
      TitleFilter explicit,
      TextEmbedder embedder,
      RequestReader with,
      TasteWeights taste,
      int limit) {
    RequestPlan plan = RequestPlan.of(text, with, explicit, embedder, names());
    return ranking(
        SHIPPED,
        new RankingRequest(
            plan.queryVector(),
            text,
            plan.like() == null ? null : plan.like().titleId(),
            taste,
            limit,
            0,
            RankingRequest.Knobs.DEFAULTS),
        plan.filter());
  }

  /** The titles' vectors in catalogue order (for baselines and list measures). */
  DenseIndex vectors() {
    return vectors;
  }

  /** The shipped ranking of one request, as catalogue positions, best first. */
  List<Integer> rank(Ranker ranker, RankingRequest request, TitleFilter filter) {
    return positions(ranking(ranker, request, filter));
  }

  /** The shipped ranking of one request, with scores and explanations. */
  Ranking ranking(Ranker ranker, RankingRequest request, TitleFilter filter) {
    return ranker.rank(request, new StoreTitles(store, filter, samples), collective);
  }

  /**
   * What everyone watches, for every ranking of the run from now on (recommend-api always ranks
   * with the collective signals; without MovieLens there are none).
   */
  void watching(Collective everyone) {
    this.collective = everyone;
  }

  List<Integer> positions(Ranking ranking) {
    List<Integer> out = new ArrayList<>(ranking.items().size());
    for (RankedTitle r : ranking.items()) {
      out.add(catalogue.indexOf(r.title().titleId()));
    }
    return out;
  }

  @Override
  public void close() {
    store.close();
    deleteRecursively(dir);
  }

  /** Where the index of one model and document-text form is written. */
  static Path directory(Path root, String modelId, DocumentText.Form form) {
    return root.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + form.id());
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
