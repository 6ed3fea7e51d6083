package dev.moviedb.ranking;

/** A request with neither words, a taste with a title in the index, nor a title to start from. */
public class NothingToRankException extends IllegalArgumentException {
  public NothingToRankException(String message) {
    super(message);
  }
}
