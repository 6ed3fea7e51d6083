package dev.moviedb.catalog.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members of one work disagree on a field; the merged record keeps the value of {@code keptFrom}.
 *
 * @param values each member's value, by title id, the kept one first
 */
public record FieldConflict(
    String workId, String field, Map<String, String> values, String keptFrom) {

  public FieldConflict {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
