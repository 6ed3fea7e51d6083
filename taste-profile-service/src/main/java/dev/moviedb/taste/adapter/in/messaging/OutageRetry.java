package dev.moviedb.taste.adapter.in.messaging;

import dev.moviedb.taste.config.TasteConfig;
import jakarta.inject.Singleton;

/**
 * This service's {@link dev.moviedb.consumption.OutageRetry}: a watch-event batch that fails
 * because Redis or the broker does not answer is tried again, with this service's pauses, until it
 * goes through.
 */
@Singleton
public class OutageRetry extends dev.moviedb.consumption.OutageRetry {

  public OutageRetry(TasteConfig config) {
    super("watch-event batch", config.outage().firstPause(), config.outage().longestPause());
  }
}
