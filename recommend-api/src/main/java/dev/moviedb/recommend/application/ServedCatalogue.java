package dev.moviedb.recommend.application;

import dev.moviedb.events.Availability;
import dev.moviedb.understanding.RequestPlan;
import dev.moviedb.understanding.RequestReader;
import dev.moviedb.understanding.TitleNames;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What recommend-api knows of the catalogue it serves, read once per index and catalogue size: the
 * values a client may name in the filters (genres, services and countries), the works the ids of
 * their source records belong to, and the titles by name with the request reader that goes with
 * them ("like X", the newest release year for "recent").
 */
public final class ServedCatalogue {

  /**
   * A filter value the catalogue does not hold: a 400 naming the parameter and the known values.
   */
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

  /** The facts of one index at one size. */
  record Facts(
      VectorStore store,
      long count,
      Set<String> genres,
      Set<String> genreKeys,
      Set<String> availability,
      Set<String> services,
      Map<String, String> workByMember,
      TitleNames names,
      RequestReader reader) {

    /**
     * The id the index holds for a title id: itself, or the work a source record belongs to (a
     * client may name a title by the id of one of its sources).
     */
    String indexed(String titleId) {
      return workByMember.getOrDefault(titleId, titleId);
    }

    /** Refuses explicit filters naming a genre, service or country the catalogue lacks. */
    void check(TitleFilter explicit) {
      if (count == 0) {
        return; // an empty catalogue knows nothing yet: nothing to say
      }
      for (String genre : explicit.genres()) {
        if (!genreKeys.contains(genre)) {
          throw new UnknownValueException("genre", genre, genres);
        }
      }
      for (String service : explicit.services()) {
        if (!services.contains(service)) {
          throw new UnknownValueException("service", service, services);
        }
        if (!availability.contains(TitleFilter.availabilityKey(service, explicit.country()))) {
          throw new UnknownValueException(
              "country",
              explicit.country(),
              availability.stream()
                  .filter(k -> k.startsWith(service + "|"))
                  .map(k -> k.substring(service.length() + 1))
                  .toList());
        }
      }
    }
  }

  private volatile Facts facts;

  Facts of(VectorStore store) {
    Facts f = facts;
    long count = store.count();
    if (f == null || f.store() != store || f.count() != count) {
      Set<String> genres = new TreeSet<>();
      Set<String> availability = new TreeSet<>();
      Set<String> services = new TreeSet<>();
      Map<String, String> workByMember = new HashMap<>();
      TitleNames names =
          TitleNames.of(
              each ->
                  store.forEach(
                      (StoredTitle t) -> {
                        genres.addAll(t.genres());
                        for (Availability a : t.availability()) {
                          availability.add(TitleFilter.availabilityKey(a.service(), a.country()));
                          services.add(a.service().toLowerCase(Locale.ROOT));
                        }
                        t.memberIds().forEach(m -> workByMember.put(m, t.titleId()));
                        each.accept(t);
                      }));
      Set<String> genreKeys = new TreeSet<>();
      genres.forEach(g -> genreKeys.add(TitleFilter.genreKey(g)));
      f =
          new Facts(
              store,
              count,
              Collections.unmodifiableSet(genres),
              Collections.unmodifiableSet(genreKeys),
              Collections.unmodifiableSet(availability),
              Collections.unmodifiableSet(services),
              Map.copyOf(workByMember),
              names,
              RequestPlan.readerFor(names));
      facts = f;
    }
    return f;
  }
}
