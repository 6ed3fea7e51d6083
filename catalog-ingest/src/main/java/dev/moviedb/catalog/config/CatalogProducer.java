package dev.moviedb.catalog.config;

import dev.moviedb.catalog.domain.SnapshotPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The settings the use cases take as values. */
@ApplicationScoped
public class CatalogProducer {

  @Produces
  @Singleton
  SnapshotPolicy snapshotPolicy(CatalogConfig config) {
    return new SnapshotPolicy(config.snapshot().maxRejectedPercent());
  }
}
