package dev.moviedb.catalogfiles;

import dev.moviedb.events.TitlePublished;
import java.time.Instant;

/** Maps between the domain title and the {@code catalog.titles} event. */
public final class TitleMapping {

  private TitleMapping() {}

  public static TitlePublished toEvent(CatalogTitle t, Instant now) {
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
        now);
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
        e.availability());
  }
}
