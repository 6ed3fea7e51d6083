package dev.moviedb.taste.application;

import dev.moviedb.problems.DependencyUnavailableException;

/** The catalogue is still being read at start-up: a title id cannot be checked yet (retry). */
public class CatalogueLoadingException extends DependencyUnavailableException {

  public CatalogueLoadingException(String message) {
    super("the catalogue", message, null);
  }
}
