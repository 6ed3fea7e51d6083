package dev.moviedb.evaluation;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.store.TitleFilter;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

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

  /** The catalogue positions of the accepted answers that the catalogue holds. */
  public Set<Integer> gold(Catalogue catalogue) {
    return answers.stream().map(catalogue::indexOf).filter(i -> i >= 0).collect(Collectors.toSet());
  }

  /** Whether a title passes the constraints of this request. */
  public boolean accepts(TitlePublished t) {
    if (type != null && t.type() != type) {
      return false;
    }
    return maxRuntime == null || (t.runtimeMinutes() != null && t.runtimeMinutes() <= maxRuntime);
  }

  /** The same constraints as the vector store's hard filter, as recommend-api applies them. */
  public TitleFilter filter() {
    return TitleFilter.builder().type(type).runtimeMinutes(null, maxRuntime).build();
  }

  public IntPredicate allowed(Catalogue catalogue) {
    if (type == null && maxRuntime == null) {
      return i -> true;
    }
    return i -> accepts(catalogue.title(i));
  }
}
