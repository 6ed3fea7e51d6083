package dev.moviedb.taste.domain;

/** The uploaded file as a whole cannot be read (empty, not UTF-8, unknown header, too large). */
public class InvalidFileException extends RuntimeException {

  private final int status;

  public InvalidFileException(String message) {
    this(400, message);
  }

  public InvalidFileException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
