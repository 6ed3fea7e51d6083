package dev.moviedb.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads the tab-separated tables shipped with this module; a bad line names file and line. */
final class Tables {

  private Tables() {}

  /** One row of a table, with its line number for messages. */
  record Row(String file, int line, String[] cells) {

    String cell(int i) {
      return i < cells.length ? cells[i].strip() : "";
    }

    /** The {@code |}-separated list in a cell, lower-cased, blanks dropped. */
    List<String> list(int i) {
      String c = cell(i);
      return c.isEmpty()
          ? List.of()
          : Arrays.stream(c.split("\\|"))
              .map(s -> s.strip().toLowerCase(Locale.ROOT))
              .filter(s -> !s.isEmpty())
              .toList();
    }

    /** The same list with case kept (catalogue names). */
    List<String> names(int i) {
      String c = cell(i);
      return c.isEmpty()
          ? List.of()
          : Arrays.stream(c.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    IllegalStateException error(String why) {
      return new IllegalStateException(file + " line " + line + ": " + why);
    }
  }

  /** The rows of a resource beside this class; {@code #} lines and blank lines are skipped. */
  static List<Row> read(String resource, int minColumns) {
    try (InputStream in = Tables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return read(in, resource, minColumns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static List<Row> read(InputStream in, String file, int minColumns) throws IOException {
    List<Row> rows = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Row row = new Row(file, n, cells);
      if (cells.length < minColumns) {
        throw row.error("expected " + minColumns + " tab-separated columns, found " + cells.length);
      }
      rows.add(row);
    }
    return rows;
  }
}
