package dev.moviedb.catalogfiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

/** The catalogue file formats MovieDB reads, and how to open a stream of rows from each. */
public enum CatalogueFormat {
  /** The Kaggle "Netflix Movies and TV Shows" CSV ({@code netflix_titles.csv}). */
  NETFLIX_CSV("csv"),
  /** One JSON catalogue record per line. */
  JSONL("jsonl");

  private final String name;

  CatalogueFormat(String name) {
    this.name = name;
  }

  public String formatName() {
    return name;
  }

  public static CatalogueFormat parse(String value) {
    for (CatalogueFormat f : values()) {
      if (f.name.equalsIgnoreCase(value) || f.name().equalsIgnoreCase(value)) {
        return f;
      }
    }
    if ("json".equalsIgnoreCase(value) || "ndjson".equalsIgnoreCase(value)) {
      return JSONL;
    }
    throw new IllegalArgumentException("unknown format '" + value + "' (expected csv or jsonl)");
  }

  /** Guesses the format from a file name or content type; null when neither says. */
  public static CatalogueFormat guess(String fileName, String contentType) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || type.startsWith("text/csv")) {
      return NETFLIX_CSV;
    }
    if (name.endsWith(".jsonl")
        || name.endsWith(".ndjson")
        || type.startsWith("application/x-ndjson")
        || type.startsWith("application/jsonl")
        || type.startsWith("application/x-jsonlines")) {
      return JSONL;
    }
    return null;
  }

  /**
   * Opens the rows of a file. The stream is read lazily, so a file of any size is never held in
   * memory; bytes that are not UTF-8 stop the import with an error that says so.
   *
   * @param source the title id prefix for rows that carry only a native id
   */
  public Iterator<ParsedRow> open(InputStream in, String fileName, String source) {
    Reader reader = utf8Reader(in, fileName);
    return switch (this) {
      case NETFLIX_CSV -> new NetflixCsvRows(reader, fileName, source);
      case JSONL -> new JsonLinesRows(reader, fileName, source);
    };
  }

  static Reader utf8Reader(InputStream in, String fileName) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    try {
      reader.mark(1);
      int first = reader.read();
      if (first == -1) {
        throw new InvalidFileException(fileName + " is empty");
      }
      if (first != '\uFEFF') {
        reader.reset();
      }
    } catch (IOException e) {
      throw Utf8.asInvalidFile(fileName, 1, e);
    }
    return reader;
  }
}
