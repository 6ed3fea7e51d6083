package dev.moviedb.taste.application;

/** The catalogue is still being read at start-up: a title id cannot be checked yet. */
public class CatalogueLoadingException extends RuntimeException {

  public CatalogueLoadingException(String message) {
    super(message);
  }
}
