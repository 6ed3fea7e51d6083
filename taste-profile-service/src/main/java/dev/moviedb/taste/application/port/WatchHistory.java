package dev.moviedb.taste.application.port;

import java.util.Set;

/** Port: what {@code user.watch-events} holds, read from its start. */
public interface WatchHistory {

  /** Every user with at least one event on the topic. */
  Set<String> users();
}
