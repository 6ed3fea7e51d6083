package dev.moviedb.taste.application.port;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.WatchEventPublisher.PublishFailedException;
import java.time.Instant;
import java.util.List;

/**
 * Port: publishes watch events derived from older records (a like on {@code user.feedback}), each
 * with that record's time instead of now, so that an erasure made after the record drops the event
 * wherever it is applied, also when it is derived again on a replay. Returns once the broker
 * acknowledged all of them.
 */
public interface DerivedWatchEventPublisher {

  void publishAsOf(List<WatchRecorded> events, List<Instant> recordTimes)
      throws PublishFailedException;
}
