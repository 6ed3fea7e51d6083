package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.CatalogTitle;
import java.util.List;
import java.util.Objects;

/**
 * The merged record of one work as published on {@code catalog.works}: a title record whose id is
 * the work id, and the source records it was merged from.
 */
public record CatalogWork(String workId, CatalogTitle record, List<String> memberIds) {

  public CatalogWork {
    Objects.requireNonNull(workId, "workId");
    Objects.requireNonNull(record, "record");
    if (!record.titleId().equals(workId)) {
      throw new IllegalArgumentException(
          "a work's record must carry the work id " + workId + ", not " + record.titleId());
    }
    if (memberIds == null || memberIds.isEmpty()) {
      throw new IllegalArgumentException("work " + workId + " has no members");
    }
    memberIds = memberIds.stream().sorted().distinct().toList();
  }
}
