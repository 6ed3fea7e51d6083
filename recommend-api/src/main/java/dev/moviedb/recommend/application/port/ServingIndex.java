package dev.moviedb.recommend.application.port;

import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;

/**
 * Port: the embedding model and the index recommend-api serves at this moment. Both change together
 * when a re-embed promotes another model's index; a request takes one pair at its start and uses it
 * throughout, so it never compares vectors of two models.
 */
public interface ServingIndex {

  /** A model and the index of that model's title vectors. */
  record Serving(TextEmbedder embedder, VectorStore store) {}

  Serving current();
}
