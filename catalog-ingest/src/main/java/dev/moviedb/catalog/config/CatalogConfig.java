package dev.moviedb.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-ingest's settings ({@code moviedb.catalog.*}). */
@ConfigMapping(prefix = "moviedb.catalog")
public interface CatalogConfig {

  /** The largest catalogue file accepted, in bytes (1 GiB). */
  @WithDefault("1073741824")
  long maxFileBytes();

  /** What a snapshot import may do without {@code force=true}. */
  Snapshot snapshot();

  interface Snapshot {

    /**
     * The largest share of rejected rows, in percent, with which a snapshot is still applied: above
     * it, the snapshot is refused unless forced, since the titles on rejected rows would be
     * removed.
     */
    @WithDefault("1.0")
    double maxRejectedPercent();
  }
}
