package dev.moviedb.catalogfiles;

/** A field of a catalogue row has a value MovieDB cannot accept. */
public class InvalidFieldException extends IllegalArgumentException {

  private final String field;

  public InvalidFieldException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
