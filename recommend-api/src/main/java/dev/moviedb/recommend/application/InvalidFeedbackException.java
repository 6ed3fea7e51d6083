package dev.moviedb.recommend.application;

/** A field of a feedback request has a value that cannot be recorded: a 400 naming the field. */
public class InvalidFeedbackException extends IllegalArgumentException {

  private final String field;

  public InvalidFeedbackException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
