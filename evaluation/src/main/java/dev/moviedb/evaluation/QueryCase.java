package dev.moviedb.evaluation;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One request with its accepted answers (title ids) and the constraints every method must apply.
 */
public record QueryCase(
    String query, Set<String> answers, TitleType type, Integer maxRuntime, String note) {

  public QueryCase {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query is blank");
    }
    answers = Set.copyOf(answers);
  }

  /** Whether a title passes the constraints of this request. */
  public boolean accepts(TitlePublished t) {
    if (type != null && t.type() != type) {
      return false;
    }
    return maxRuntime == null || (t.runtimeMinutes() != null && t.runtimeMinutes() <= maxRuntime);
  }

  public IntPredicate allowed(Catalogue catalogue) {
    if (type == null && maxRuntime == null) {
      return i -> true;
    }
    return i -> accepts(catalogue.title(i));
  }
}
