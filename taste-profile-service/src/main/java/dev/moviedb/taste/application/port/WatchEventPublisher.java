package dev.moviedb.taste.application.port;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.problems.DependencyUnavailableException;
import java.util.List;

/** Port: publishes watch events and returns only once the broker acknowledged all of them. */
public interface WatchEventPublisher {

  void publish(List<WatchRecorded> events) throws PublishFailedException;

  /** The broker did not acknowledge every event; the caller may retry (ids are deterministic). */
  class PublishFailedException extends DependencyUnavailableException {
    public PublishFailedException(String message, Throwable cause) {
      super("Kafka", message, cause);
    }
  }
}
