package dev.moviedb.collective;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One counting watch of an item by a user, as the collective state sees it: what (the aggregation
 * id, see {@link SignalRules#itemOf}), where ({@link Scope#GLOBAL} when unknown) and when (event
 * time, never arrival time).
 */
public record Watched(String item, Scope scope, Instant at) {

  public Watched {
    SignalRules.checkId("item", item);
    if (scope == null) {
      throw new IllegalArgumentException("scope is missing (use Scope.GLOBAL)");
    }
    if (at == null) {
      throw new IllegalArgumentException("occurredAt is missing");
    }
    if (at.getEpochSecond() < 0) {
      throw new IllegalArgumentException("occurredAt " + at + " is before 1970");
    }
  }

  /** Days since 1970-01-01 (UTC): one popularity contribution per user, item and day. */
  public long day() {
    return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }
}
