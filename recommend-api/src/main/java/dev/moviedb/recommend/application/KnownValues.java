package dev.moviedb.recommend.application;

import dev.moviedb.events.Availability;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values the served catalogue holds for the filters a client names (genres, services and
 * countries, languages), read once per index and catalogue size, so that a request for a value the
 * catalogue does not know is answered with the known ones instead of a silently empty list.
 */
public final class KnownValues {

  /** A filter value the catalogue does not hold. */
  public static final class UnknownValueException extends IllegalArgumentException {
    private final String parameter;

    UnknownValueException(String parameter, String value, Collection<String> known) {
      super(
          parameter
              + " '"
              + value
              + "' is not in the catalogue; known values: "
              + (known.isEmpty() ? "(none)" : String.join(", ", known.stream().limit(60).toList()))
              + (known.size() > 60 ? ", ..." : ""));
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  private record Values(
      VectorStore store,
      long count,
      Set<String> genres,
      Set<String> genreKeys,
      Set<String> availability,
      Set<String> services,
      Set<String> languages) {}

  private volatile Values values;

  /** Refuses a filter that names a genre, service, country or language the catalogue lacks. */
  void check(VectorStore store, TitleFilter filter) {
    Values v = of(store);
    if (v.count() == 0) {
      return; // an empty catalogue knows nothing yet: nothing to say
    }
    for (String genre : filter.genres()) {
      if (!v.genreKeys().contains(genre)) {
        throw new UnknownValueException("genre", genre, v.genres());
      }
    }
    if (filter.service() != null) {
      String service = filter.service().toLowerCase(Locale.ROOT);
      if (!v.services().contains(service)) {
        throw new UnknownValueException("service", filter.service(), v.services());
      }
      if (!v.availability().contains(TitleFilter.availabilityKey(service, filter.country()))) {
        throw new UnknownValueException(
            "country",
            filter.country(),
            v.availability().stream()
                .filter(k -> k.startsWith(service + "|"))
                .map(k -> k.substring(service.length() + 1))
                .toList());
      }
    }
    if (filter.language() != null && !v.languages().contains(filter.language())) {
      throw new UnknownValueException("language", filter.language(), v.languages());
    }
  }

  private Values of(VectorStore store) {
    Values v = values;
    long count = store.count();
    if (v == null || v.store() != store || v.count() != count) {
      Set<String> genres = new TreeSet<>();
      Set<String> availability = new TreeSet<>();
      Set<String> services = new TreeSet<>();
      Set<String> languages = new TreeSet<>();
      store.forEach(
          (StoredTitle t) -> {
            genres.addAll(t.genres());
            for (Availability a : t.availability()) {
              availability.add(TitleFilter.availabilityKey(a.service(), a.country()));
              services.add(a.service().toLowerCase(Locale.ROOT));
            }
            t.languages().forEach(l -> languages.add(l.toLowerCase(Locale.ROOT)));
          });
      Set<String> genreKeys = new TreeSet<>();
      genres.forEach(g -> genreKeys.add(TitleFilter.genreKey(g)));
      v =
          new Values(
              store,
              count,
              Collections.unmodifiableSet(genres),
              Collections.unmodifiableSet(genreKeys),
              Collections.unmodifiableSet(availability),
              Collections.unmodifiableSet(services),
              Collections.unmodifiableSet(languages));
      values = v;
    }
    return v;
  }
}
