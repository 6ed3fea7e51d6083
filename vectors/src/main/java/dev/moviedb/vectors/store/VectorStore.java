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
   * Declares which model's vectors this store holds. An empty store takes the model; a store that
   * already holds another model's vectors throws {@link ModelMismatchException}.
   */
  void bindModel(String modelId, int dimension);

  /** The model whose vectors the store holds, if it holds any. */
  Optional<String> modelId();

  /** Inserts or replaces titles by id; visible to searches when this returns. */
  void upsert(List<StoredTitle> titles);

  /** Removes titles by id; unknown ids are ignored. */
  void delete(Collection<String> titleIds);

  /** The stored titles among {@code titleIds}, by id. */
  Map<String, StoredTitle> get(Collection<String> titleIds);

  /** The {@code k} titles nearest to {@code vector} that pass {@code filter}, nearest first. */
  List<ScoredTitle> search(float[] vector, int k, TitleFilter filter);

  /** Visits every stored title (for rebuilding look-up tables and for evaluation). */
  void forEach(Consumer<StoredTitle> visitor);

  long count();

  @Override
  void close();
}
