package dev.moviedb.worker.config;

import dev.moviedb.vectors.config.VectorsConfig;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.worker.application.ManageIndex;
import dev.moviedb.worker.application.port.Backlog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The index use case, told whether this worker builds a staging index (a re-embed). */
public class ManageIndexProducer {

  @Produces
  @ApplicationScoped
  ManageIndex manageIndex(
      VectorStore store, TextEmbedder embedder, Backlog backlog, VectorsConfig.Store config) {
    return new ManageIndex(store, embedder, backlog, config.staging());
  }
}
