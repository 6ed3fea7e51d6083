package dev.moviedb.catalogfiles;

import dev.moviedb.events.TitlePublished;
import java.time.Instant;
import java.util.List;

/** Maps between the domain title and the {@code catalog.titles} event. */
public final class TitleMapping {

  private TitleMapping() {}

  /** The event of a title that belongs to no work yet (e.g. in the evaluation). */
  public static TitlePublished toEvent(CatalogTitle t, Instant now) {
    return toEvent(t, null, List.of(), now);
  }

  /**
   * The event of a title of the given work; on {@code catalog.works} the title id is the work id
   * and {@code memberIds} lists the source records merged into it.
   */
  public static TitlePublished toEvent(
      CatalogTitle t, String workId, List<String> memberIds, Instant now) {
    return new TitlePublished(
        TitlePublished.SCHEMA_VERSION,
        t.titleId(),
        t.type(),
        t.title(),
        t.alternateTitles(),
        t.year(),
        t.runtimeMinutes(),
        t.seasons(),
        t.genres(),
        t.cast(),
        t.directors(),
        t.countries(),
        t.languages(),
        t.maturityRating(),
        t.description(),
        t.franchise(),
        t.availability(),
        now,
        t.externalIds(),
        workId,
        memberIds);
  }

  public static CatalogTitle fromEvent(TitlePublished e) {
    return new CatalogTitle(
        e.titleId(),
        e.type(),
        e.title(),
        e.alternateTitles(),
        e.year(),
        e.runtimeMinutes(),
        e.seasons(),
        e.genres(),
        e.cast(),
        e.directors(),
        e.countries(),
        e.languages(),
        e.maturityRating(),
        e.description(),
        e.franchise(),
        e.availability(),
        e.externalIds());
  }
}
