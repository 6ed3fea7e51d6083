package dev.moviedb.catalogfiles;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The caps on a catalogue file, whatever its format: rows per file, characters per field, and
 * characters per row (the guard that keeps one endless quoted field or line from filling the memory
 * before any field could be measured). A row over a field cap is rejected by line and column; a
 * file over the others stops at that line, the rows before it imported.
 */
final class FileCaps {

  /** Rows in one file (the real Netflix list has 8,807; a whole multi-source catalogue fits). */
  static final long MAX_ROWS = 1_000_000;

  /** Characters in one field (the longest real description is under 300). */
  static final int MAX_FIELD_CHARS = 10_000;

  /** Characters in one row or JSON line, quoted line breaks included. */
  static final int MAX_ROW_CHARS = 1_000_000;

  private FileCaps() {}

  static String tooManyRows(String fileName, long line) {
    return fileName
        + " line "
        + line
        + ": more than "
        + MAX_ROWS
        + " rows; the rows before it were imported, split the rest into files of at most "
        + MAX_ROWS
        + " rows";
  }

  static String rowTooLong(String fileName, long line) {
    return fileName
        + " line "
        + line
        + ": a row longer than "
        + MAX_ROW_CHARS
        + " characters (an unclosed quote?); the rows before it were imported, the rest of the"
        + " file was not read";
  }

  /** The field's value, or an {@link InvalidFieldException} when it is over the cap. */
  static String checked(String field, String value) {
    if (value != null && value.length() > MAX_FIELD_CHARS) {
      throw new InvalidFieldException(
          field,
          "is " + value.length() + " characters long; a field has at most " + MAX_FIELD_CHARS);
    }
    return value;
  }

  /** Thrown by {@link RowReader} when a row goes on past {@link #MAX_ROW_CHARS}. */
  static final class RowTooLongException extends RuntimeException {
    RowTooLongException() {
      super("a row is longer than " + MAX_ROW_CHARS + " characters", null, false, false);
    }
  }

  /**
   * Counts the characters read since the caller last said a row was complete, and stops the reading
   * when one row goes past {@link #MAX_ROW_CHARS}.
   */
  static final class RowReader extends FilterReader {
    private long sinceRow;

    RowReader(Reader in) {
      super(in);
    }

    /** The row before was complete: count afresh. */
    void rowDone() {
      sinceRow = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count(1);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      sinceRow += n;
      // The CSV parser reads ahead by its buffer (a few kB): allow that much beyond the cap.
      if (sinceRow > MAX_ROW_CHARS + 64 * 1024) {
        throw new RowTooLongException();
      }
    }
  }
}
