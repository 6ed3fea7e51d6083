package dev.moviedb.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The worker's own settings ({@code moviedb.worker.*}); the index's are {@code VectorsConfig}. */
@ConfigMapping(prefix = "moviedb.worker")
public interface WorkerConfig {

  /** How a batch is tried again while the vector store or the model does not answer. */
  Outage outage();

  interface Outage {

    /** The pause before the first retry; it doubles with every failed retry. */
    @WithDefault("500ms")
    Duration firstPause();

    /** The longest pause between two retries. */
    @WithDefault("15s")
    Duration longestPause();
  }
}
