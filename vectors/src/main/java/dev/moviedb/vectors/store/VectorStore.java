package dev.moviedb.vectors.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: where title vectors live. The embedding worker writes; recommend-api and the worker read.
 * Every adapter passes the same contract test.
 */
public interface VectorStore extends AutoCloseable {

  /**
   * Binds this handle to the live index, which must hold this model's vectors. When no index is
   * live yet, a writer makes this model's index the live one; when another model's index is live,
   * this throws {@link ModelMismatchException}. The handle stays on this model's index even if
   * another one is promoted later, so that requests in flight never mix two models.
   */
  void bindModel(String modelId, int dimension);

  /**
   * Binds this handle to this model's own index (Lucene directory, Qdrant collection) whether or
   * not it is live: a writer creates it if absent. This is how a re-embed builds a new model's
   * index beside the live one, and how a reader follows a promotion.
   */
  void bindIndex(String modelId, int dimension);

  /**
   * Makes the bound index the live one in one atomic step (the {@code CURRENT} file, the Qdrant
   * alias). Writers only.
   */
  void promote();

  /** The model of the index that is live now, if any; it may differ from the bound one. */
  Optional<String> liveModel();

  /** The model whose vectors this handle is bound to. */
  Optional<String> modelId();

  /** Inserts or replaces titles by id; visible to searches when this returns. */
  void upsert(List<StoredTitle> titles);

  /** Removes titles by id; unknown ids are ignored. */
  void delete(Collection<String> titleIds);

  /** The stored titles among {@code titleIds}, by id. */
  Map<String, StoredTitle> get(Collection<String> titleIds);

  /** The {@code k} titles nearest to {@code vector} that pass {@code filter}, nearest first. */
  List<ScoredTitle> search(float[] vector, int k, TitleFilter filter);

  /**
   * The {@code k} nearest titles to each of several vectors under one filter: one list per vector,
   * in order. An adapter that scans can serve all of them in one pass over the vectors.
   */
  default List<List<ScoredTitle>> searchEach(List<float[]> vectors, int k, TitleFilter filter) {
    return vectors.stream().map(v -> search(v, k, filter)).toList();
  }

  /** Visits every stored title (for rebuilding look-up tables and for evaluation). */
  void forEach(Consumer<StoredTitle> visitor);

  long count();

  @Override
  void close();
}
