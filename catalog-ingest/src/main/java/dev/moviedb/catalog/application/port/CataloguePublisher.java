package dev.moviedb.catalog.application.port;

import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.problems.DependencyUnavailableException;
import java.util.List;

/** Port: publishes catalogue changes and returns only once the broker acknowledged all of them. */
public interface CataloguePublisher {

  /** Publishes the full current record of each title. */
  void publish(List<CatalogTitle> titles) throws PublishFailedException;

  /** Publishes a tombstone for each title id. */
  void remove(List<String> titleIds) throws PublishFailedException;

  /** The broker did not acknowledge a batch; nothing of that batch counts as published. */
  class PublishFailedException extends DependencyUnavailableException {
    public PublishFailedException(String message, Throwable cause) {
      super("Kafka", message, cause);
    }
  }
}
