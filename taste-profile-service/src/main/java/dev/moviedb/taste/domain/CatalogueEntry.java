package dev.moviedb.taste.domain;

import dev.moviedb.events.TitlePublished;
import java.util.List;
import java.util.Objects;

/**
 * What the title resolver keeps of one {@code catalog.titles} record: the names it is known by, and
 * what a watch event of it resolves to.
 *
 * @param titleId the record's key: a tombstone of this id removes it
 * @param name the record's own title
 * @param otherNames alternate and localised titles
 */
public record CatalogueEntry(
    String titleId, String name, List<String> otherNames, ResolvedTitle resolvesTo) {

  public CatalogueEntry {
    Objects.requireNonNull(titleId, "titleId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resolvesTo, "resolvesTo");
    otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
  }

  /**
   * The one place that decides what a watch event of a catalogue record is kept under: its work
   * (the records of one film or series from several sources share a {@code workId}; catalog-ingest
   * decides it), so a user's history, the watched filter and the collective signals all count per
   * work, whichever source's name a history line used. A record from before work identity keeps its
   * own id.
   */
  public static CatalogueEntry of(TitlePublished title) {
    String work =
        title.workId() == null || title.workId().isBlank() ? title.titleId() : title.workId();
    return new CatalogueEntry(
        title.titleId(),
        title.title(),
        title.alternateTitles(),
        new ResolvedTitle(work, title.title(), title.genres()));
  }
}
