package dev.moviedb.catalogfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/** Turns decoding failures into errors a person understands. */
final class Utf8 {

  private Utf8() {}

  static RuntimeException asInvalidFile(String fileName, long line, Throwable e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    while (cause != null && !(cause instanceof CharacterCodingException)) {
      cause = cause.getCause();
    }
    if (cause != null) {
      return new InvalidFileException(
          fileName
              + " is not UTF-8 (near line "
              + line
              + "): it looks like Latin-1 or Windows-1252. Save it as UTF-8 and import it again;"
              + " nothing after that line was imported.");
    }
    return new InvalidFileException(
        "cannot read " + fileName + " near line " + line + ": " + rootMessage(e));
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  static boolean isIo(Throwable e) {
    return e instanceof IOException || e instanceof UncheckedIOException;
  }
}
