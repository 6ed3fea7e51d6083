package dev.moviedb.taste.application.port;

import dev.moviedb.taste.domain.KeptRecord;
import java.util.List;

/** Port: what the user topics hold under one user's key, read from their start. */
public interface UserRecords {

  /** The records of {@code user.watch-events} keyed by the user, oldest first. */
  List<KeptRecord> watchEvents(String userId);

  /** The records of {@code user.watch-events.dlq} keyed by the user, oldest first. */
  List<KeptRecord> deadLetters(String userId);
}
