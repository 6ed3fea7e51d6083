package dev.moviedb.catalogfiles;

/** The file as a whole cannot be read (empty, wrong encoding, unknown format, broken CSV). */
public class InvalidFileException extends RuntimeException {

  public InvalidFileException(String message) {
    super(message);
  }
}
