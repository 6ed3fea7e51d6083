package dev.moviedb.catalog.application;

import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Use cases on single titles and on the availability of many: each publishes only real changes. */
@ApplicationScoped
public class ManageTitles {

  private final CataloguePublisher publisher;
  private final CatalogState state;

  public ManageTitles(CataloguePublisher publisher, CatalogState state) {
    this.publisher = publisher;
    this.state = state;
  }

  public Optional<CatalogTitle> get(String titleId) {
    return state.get(titleId);
  }

  /** Stores a title; returns whether anything changed (and so was published). */
  public boolean put(CatalogTitle title) {
    if (state.get(title.titleId()).filter(title::equals).isPresent()) {
      return false;
    }
    publisher.publish(List.of(title));
    state.put(title);
    return true;
  }

  /** Removes a title; returns false if it was not in the catalogue. */
  public boolean delete(String titleId) {
    if (state.get(titleId).isEmpty()) {
      return false;
    }
    publisher.remove(List.of(titleId));
    state.remove(titleId);
    return true;
  }

  /** What an availability snapshot changed. */
  public record AvailabilityResult(
      int titlesListed, int republished, int unchanged, List<String> unknownTitleIds) {}

  /**
   * Replaces the availability of every title on one service in one country: titles in {@code
   * available} are available there (within their window), all others are not.
   */
  public AvailabilityResult setAvailability(
      String service, String country, Map<String, Availability> available) {
    List<String> unknown =
        available.keySet().stream().filter(id -> state.get(id).isEmpty()).sorted().toList();
    List<CatalogTitle> changed = new ArrayList<>();
    int unchanged = 0;
    for (CatalogTitle title : state.all()) {
      List<Availability> next = new ArrayList<>();
      for (Availability a : title.availability()) {
        if (!(a.service().equalsIgnoreCase(service) && a.country().equalsIgnoreCase(country))) {
          next.add(a);
        }
      }
      Availability here = available.get(title.titleId());
      if (here != null) {
        next.add(here);
      }
      if (Objects.equals(asSet(next), asSet(title.availability()))) {
        unchanged++;
      } else {
        changed.add(title.withAvailability(next));
      }
    }
    for (int i = 0; i < changed.size(); i += ImportCatalogue.BATCH_SIZE) {
      List<CatalogTitle> chunk =
          changed.subList(i, Math.min(changed.size(), i + ImportCatalogue.BATCH_SIZE));
      publisher.publish(chunk);
      chunk.forEach(state::put);
    }
    return new AvailabilityResult(available.size(), changed.size(), unchanged, unknown);
  }

  private static java.util.Set<Availability> asSet(List<Availability> list) {
    return java.util.Set.copyOf(list);
  }
}
