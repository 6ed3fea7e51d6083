package dev.moviedb.catalogfiles;

import dev.moviedb.events.TitleType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of the Kaggle {@code netflix_titles.csv} format, with the faults the real file has: lists
 * inside quoted fields, {@code N Season(s)}, the runtime in the {@code rating} column on a few
 * rows, blanks and leading spaces.
 */
final class NetflixCsvRows implements Iterator<ParsedRow> {

  static final List<String> COLUMNS =
      List.of(
          "show_id",
          "type",
          "title",
          "director",
          "cast",
          "country",
          "date_added",
          "release_year",
          "rating",
          "duration",
          "listed_in",
          "description");
  private static final Pattern MINUTES = Pattern.compile("(\\d+)\\s*min", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEASONS =
      Pattern.compile("(\\d+)\\s*Seasons?", Pattern.CASE_INSENSITIVE);

  private final String fileName;
  private final String source;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final FileCaps.RowReader rowReader;
  private long lastLine;
  private long rows;
  private boolean broken;

  NetflixCsvRows(Reader in, String fileName, String source) {
    this.fileName = fileName;
    this.source = source;
    this.rowReader = new FileCaps.RowReader(in);
    Reader reader = rowReader;
    try {
      this.parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreEmptyLines(true)
              .get()
              .parse(reader);
    } catch (IOException | UncheckedIOException e) {
      throw Utf8.asInvalidFile(fileName, 1, e);
    }
    Set<String> header = Set.copyOf(parser.getHeaderNames());
    List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (missing.size() == COLUMNS.size()) {
      throw new InvalidFileException(
          fileName
              + " has no netflix_titles.csv header; expected the columns "
              + String.join(",", COLUMNS));
    }
    if (!missing.isEmpty()) {
      throw new InvalidFileException(
          fileName + " line 1: the header lacks the columns " + String.join(", ", missing));
    }
    this.records = parser.iterator();
    this.lastLine = parser.getCurrentLineNumber();
  }

  @Override
  public boolean hasNext() {
    if (broken) {
      return false;
    }
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw malformed(e);
    } catch (FileCaps.RowTooLongException e) {
      broken = true;
      throw new InvalidFileException(FileCaps.rowTooLong(fileName, lastLine + 1));
    }
  }

  private RuntimeException malformed(RuntimeException e) {
    broken = true;
    if (Utf8.isIo(e)
        && Utf8.asInvalidFile(fileName, lastLine + 1, e).getMessage().contains("UTF-8")) {
      return Utf8.asInvalidFile(fileName, lastLine + 1, e);
    }
    return new InvalidFileException(
        fileName
            + " line "
            + (lastLine + 1)
            + ": malformed CSV ("
            + Utf8.rootMessage(e)
            + "); rows before it were imported, the rest of the file was not read");
  }

  @Override
  public ParsedRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CSVRecord record;
    try {
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw malformed(e);
    } catch (FileCaps.RowTooLongException e) {
      broken = true;
      throw new InvalidFileException(FileCaps.rowTooLong(fileName, lastLine + 1));
    }
    rowReader.rowDone();
    long line = lastLine + 1;
    lastLine = parser.getCurrentLineNumber();
    if (++rows > FileCaps.MAX_ROWS) {
      broken = true;
      throw new InvalidFileException(FileCaps.tooManyRows(fileName, line));
    }
    try {
      for (String column : COLUMNS) {
        if (record.isSet(column)) {
          FileCaps.checked(column, record.get(column));
        }
      }
      return ParsedRow.valid(line, toTitle(record));
    } catch (InvalidFieldException e) {
      return ParsedRow.rejected(line, csvColumn(e.field()), e.getMessage());
    }
  }

  private CatalogTitle toTitle(CSVRecord r) {
    if (!r.isConsistent()) {
      throw new InvalidFieldException(
          "row", "has " + r.size() + " columns, the header has " + COLUMNS.size());
    }
    String showId = text(r, "show_id");
    if (showId == null) {
      throw new InvalidFieldException("show_id", "is missing");
    }
    String rating = text(r, "rating");
    String duration = text(r, "duration");
    if (duration == null && rating != null && MINUTES.matcher(rating).matches()) {
      duration = rating; // the real file has the runtime in the rating column on three rows
      rating = null;
    }
    TitleType type = type(text(r, "type"));
    Integer minutes = null;
    Integer seasons = null;
    if (duration != null) {
      Matcher m = MINUTES.matcher(duration);
      Matcher s = SEASONS.matcher(duration);
      if (m.matches()) {
        minutes = Integer.parseInt(m.group(1));
      } else if (s.matches()) {
        seasons = Integer.parseInt(s.group(1));
      } else {
        throw new InvalidFieldException(
            "duration", "'" + duration + "' is neither 'N min' nor 'N Season(s)'");
      }
    }
    return new CatalogTitle(
        source + ":" + showId,
        type,
        text(r, "title"),
        List.of(),
        year(text(r, "release_year")),
        minutes,
        seasons,
        list(r, "listed_in"),
        list(r, "cast"),
        list(r, "director"),
        list(r, "country"),
        List.of(),
        rating,
        text(r, "description"),
        null,
        List.of());
  }

  private static TitleType type(String value) {
    if (value == null) {
      throw new InvalidFieldException("type", "is missing (expected Movie or TV Show)");
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "movie" -> TitleType.MOVIE;
      case "tv show", "series", "tv series" -> TitleType.SERIES;
      default ->
          throw new InvalidFieldException("type", "'" + value + "' is neither Movie nor TV Show");
    };
  }

  private static Integer year(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("year", "'" + value + "' is not a year");
    }
  }

  private static String text(CSVRecord r, String column) {
    if (!r.isSet(column)) {
      return null;
    }
    String v = r.get(column).strip();
    return v.isEmpty() ? null : v;
  }

  private static List<String> list(CSVRecord r, String column) {
    String v = text(r, column);
    return v == null
        ? List.of()
        : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Names the CSV column behind a domain field, so that reports speak the file's language. */
  private static String csvColumn(String field) {
    return switch (field) {
      case "year" -> "release_year";
      case "titleId" -> "show_id";
      case "genres" -> "listed_in";
      case "directors" -> "director";
      case "countries" -> "country";
      case "runtimeMinutes", "seasons" -> "duration";
      default -> field;
    };
  }
}
