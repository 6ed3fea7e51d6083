package dev.moviedb.recommend.config;

import dev.moviedb.vectors.config.VectorsConfig;
import dev.moviedb.vectors.config.VectorsFactory;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Builds the configured embedding model and vector store; this process only reads the store. */
@ApplicationScoped
public class VectorsProducer {

  @Produces
  @ApplicationScoped
  @DefaultBean
  TextEmbedder embedder(VectorsConfig.Embedding config) {
    return VectorsFactory.embedder(config);
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  VectorStore store(VectorsConfig.Store config, TextEmbedder embedder) {
    return VectorsFactory.store(config, embedder, false);
  }

  void close(@Disposes VectorStore store) {
    store.close();
  }
}
