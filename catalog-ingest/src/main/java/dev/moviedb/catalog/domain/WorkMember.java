package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.CatalogTitle;
import java.util.Objects;

/**
 * One source's record of a title as published on {@code catalog.titles}, with the work it belongs
 * to ({@code null} only for a record published before works existed, until start-up assigns one).
 */
public record WorkMember(CatalogTitle title, String workId) {

  public WorkMember {
    Objects.requireNonNull(title, "title");
  }

  public String titleId() {
    return title.titleId();
  }
}
