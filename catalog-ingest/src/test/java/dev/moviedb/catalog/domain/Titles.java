package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import java.util.List;
import java.util.Map;

/** Builds catalogue titles for the domain tests: only what a case needs is given. */
final class Titles {

  private Titles() {}

  static CatalogTitle film(String id, String title, int year, List<String> people) {
    return title(id, TitleType.MOVIE, title, List.of(), year, null, people, Map.of());
  }

  static CatalogTitle series(String id, String title, int year, int seasons, List<String> cast) {
    return title(id, TitleType.SERIES, title, List.of(), year, seasons, cast, Map.of());
  }

  static CatalogTitle title(
      String id,
      TitleType type,
      String title,
      List<String> alternateTitles,
      Integer year,
      Integer seasons,
      List<String> cast,
      Map<String, String> externalIds) {
    return new CatalogTitle(
        id,
        type,
        title,
        alternateTitles,
        year,
        type == TitleType.MOVIE ? 100 : null,
        type == TitleType.SERIES ? seasons : null,
        List.of(),
        cast,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.<Availability>of(),
        externalIds);
  }
}
