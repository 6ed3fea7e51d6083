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
   * The one place that decides what a watch event of a catalogue record is kept under: the title id
   * today. Issue 15 gives the records of one work a shared {@code workId}; using it here is all it
   * takes for every watch event of any of them to count for the work.
   */
  public static CatalogueEntry of(TitlePublished title) {
    return new CatalogueEntry(
        title.titleId(),
        title.title(),
        title.alternateTitles(),
        new ResolvedTitle(title.titleId(), title.title(), title.genres()));
  }
}
