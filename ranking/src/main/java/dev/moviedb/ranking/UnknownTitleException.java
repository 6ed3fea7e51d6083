package dev.moviedb.ranking;

/** The title of "more like this" is not in the index. */
public class UnknownTitleException extends IllegalArgumentException {

  private final String titleId;

  public UnknownTitleException(String titleId) {
    super("no title with id " + titleId);
    this.titleId = titleId;
  }

  public String titleId() {
    return titleId;
  }
}
