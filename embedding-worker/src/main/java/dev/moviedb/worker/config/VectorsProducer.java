package dev.moviedb.worker.config;

import dev.moviedb.vectors.config.VectorsConfig;
import dev.moviedb.vectors.config.VectorsFactory;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Builds the configured embedding model and vector store; this process is the store's writer. */
@ApplicationScoped
public class VectorsProducer {

  private static final Logger LOG = Logger.getLogger(VectorsProducer.class);

  @Produces
  @ApplicationScoped
  @DefaultBean
  TextEmbedder embedder(VectorsConfig.Embedding config) {
    TextEmbedder embedder = VectorsFactory.embedder(config);
    LOG.infof("embedding model %s (%d dimensions)", embedder.modelId(), embedder.dimension());
    return embedder;
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  VectorStore store(VectorsConfig.Store config, TextEmbedder embedder) {
    return VectorsFactory.store(config, embedder, true);
  }

  void close(@Disposes VectorStore store) {
    store.close();
  }
}
