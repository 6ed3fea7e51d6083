package dev.moviedb.taste.application;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.taste.domain.CatalogueEntry;
import dev.moviedb.taste.domain.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Use case: keeps the title resolver equal to {@code catalog.titles} (names, alternate names and
 * genres of every title; a tombstone removes one), and resolves kept events when their title
 * arrives.
 */
@ApplicationScoped
public class FollowCatalogue {

  private static final Logger LOG = Logger.getLogger(FollowCatalogue.class);

  private final TitleResolver resolver;
  private final ResolveWaitingEvents waiting;

  public FollowCatalogue(TitleResolver resolver, ResolveWaitingEvents waiting) {
    this.resolver = resolver;
    this.waiting = waiting;
  }

  /**
   * Applies one poll of records: title id to its latest record in the poll (null = tombstone).
   * Records without a name are left out. Returns the names of the titles put.
   */
  public Set<String> apply(Map<String, TitlePublished> records) {
    Set<String> names = new LinkedHashSet<>();
    records.forEach(
        (id, title) -> {
          if (title == null) {
            resolver.remove(id);
          } else if (!id.equals(title.titleId())
              || title.title() == null
              || title.title().isBlank()) {
            LOG.warnf("catalogue record %s has no usable id or name: left out", id);
          } else {
            CatalogueEntry entry = CatalogueEntry.of(title);
            resolver.put(entry);
            names.addAll(TitleResolver.namesOf(entry));
          }
        });
    return names;
  }

  /** After the catalogue was read to its end at start-up: what arrived while we were away. */
  public int caughtUp() {
    LOG.infof("catalogue read to its end: %d titles", resolver.size());
    return waiting.all();
  }

  /** After a poll once caught up: kept events that the new names resolve. */
  public int resolveWaiting(Set<String> names) {
    return waiting.forNames(names);
  }
}
