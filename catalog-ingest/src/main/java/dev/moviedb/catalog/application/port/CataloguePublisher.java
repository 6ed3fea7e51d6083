package dev.moviedb.catalog.application.port;

import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.problems.DependencyUnavailableException;
import java.util.List;

/** Port: publishes catalogue changes and returns only once the broker acknowledged all of them. */
public interface CataloguePublisher {

  /**
   * Publishes the full current record of each title, with its work id, on {@code catalog.titles}.
   */
  void publish(List<WorkMember> titles) throws PublishFailedException;

  /** Publishes a tombstone for each title id on {@code catalog.titles}. */
  void remove(List<String> titleIds) throws PublishFailedException;

  /** Publishes the merged record of each work on {@code catalog.works}. */
  void publishWorks(List<CatalogWork> works) throws PublishFailedException;

  /** Publishes a tombstone for each work id on {@code catalog.works}. */
  void removeWorks(List<String> workIds) throws PublishFailedException;

  /** The broker did not acknowledge a batch; nothing of that batch counts as published. */
  class PublishFailedException extends DependencyUnavailableException {
    public PublishFailedException(String message, Throwable cause) {
      super("Kafka", message, cause);
    }
  }
}
