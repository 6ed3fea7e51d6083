package dev.moviedb.ranking;

import dev.moviedb.vectors.store.StoredTitle;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the ranking reads from the index it ranks: the nearest titles to some vectors (with the
 * request's hard filters already applied), titles by id, and a random sample of the catalogue's
 * vectors for calibration. recommend-api backs it with the served vector store; the evaluation with
 * a store holding the real catalogue.
 */
public interface TitleSource {

  /** The {@code k} nearest titles to each vector, nearest first, one list per vector. */
  List<List<StoredTitle>> nearest(List<float[]> vectors, int k);

  /** The titles among {@code titleIds} that the index holds, by id (unfiltered). */
  Map<String, StoredTitle> get(Collection<String> titleIds);

  /**
   * The titles among {@code titleIds} that pass the request's hard filters (candidates brought by
   * co-watch and popularity, which the index did not choose), by id.
   */
  Map<String, StoredTitle> admissible(Collection<String> titleIds);

  /** Title vectors drawn at random from the whole catalogue (see {@link Calibration#sample}). */
  List<float[]> calibrationSample();
}
