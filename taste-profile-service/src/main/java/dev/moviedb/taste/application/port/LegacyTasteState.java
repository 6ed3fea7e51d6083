package dev.moviedb.taste.application.port;

import java.util.Set;

/**
 * Port: the taste state as releases before the current layout kept it (per title the summed weights
 * with the title's vector, the summed vectors, a model id that wiped a user's history when it
 * changed). It is only ever read to be upgraded.
 */
public interface LegacyTasteState {

  /** The users of whom the old layout holds anything. */
  Set<String> users();

  /** Deletes every key of the old layout; returns how many there were. */
  long deleteAll();
}
