package dev.moviedb.taste.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same source row always gives the same id, so re-imports are no-ops.
 */
public final class EventIds {

  private EventIds() {}

  /** A name-based UUID of the parts joined with {@code |}; a null part counts as empty. */
  public static String of(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('|');
      }
      sb.append(parts[i] == null ? "" : parts[i]);
    }
    return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
