package dev.moviedb.taste.application.port;

import dev.moviedb.taste.application.port.WatchEventPublisher.PublishFailedException;
import java.time.Instant;

/** Port: tells every consumer of the user's events that the user was erased. */
public interface ErasurePublisher {

  /**
   * Publishes the user's erasure: a tombstone on their key, after everything of theirs published
   * before, so that every consumer of the topic forgets them; returns once acknowledged.
   */
  void publishErasure(String userId, Instant at) throws PublishFailedException;
}
