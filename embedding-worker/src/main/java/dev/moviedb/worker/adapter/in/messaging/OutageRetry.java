package dev.moviedb.worker.adapter.in.messaging;

import dev.moviedb.worker.config.WorkerConfig;
import jakarta.inject.Singleton;

/**
 * This service's {@link dev.moviedb.consumption.OutageRetry}: a catalogue batch that fails because
 * the vector store, the model or the broker does not answer is tried again, with this service's
 * pauses, until it goes through.
 */
@Singleton
public class OutageRetry extends dev.moviedb.consumption.OutageRetry {

  public OutageRetry(WorkerConfig config) {
    super("catalogue batch", config.outage().firstPause(), config.outage().longestPause());
  }
}
