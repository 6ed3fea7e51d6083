package dev.moviedb.signals.adapter.in.messaging;

import dev.moviedb.signals.config.SignalsConfig;
import jakarta.inject.Singleton;

/**
 * This service's {@link dev.moviedb.consumption.OutageRetry}: a watch-event batch that fails
 * because Redis or the broker does not answer is tried again, with this service's pauses, until it
 * goes through.
 */
@Singleton
public class OutageRetry extends dev.moviedb.consumption.OutageRetry {

  public OutageRetry(SignalsConfig config) {
    super("watch-event batch", config.firstPause(), config.longestPause());
  }
}
