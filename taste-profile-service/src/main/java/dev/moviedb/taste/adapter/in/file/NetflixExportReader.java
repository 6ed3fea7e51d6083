package dev.moviedb.taste.adapter.in.file;

import dev.moviedb.events.Signal;
import dev.moviedb.taste.domain.DatePatterns;
import dev.moviedb.taste.domain.EventTimes;
import dev.moviedb.taste.domain.ExportFormat;
import dev.moviedb.taste.domain.HistoryRow;
import dev.moviedb.taste.domain.InvalidFileException;
import dev.moviedb.taste.domain.ParsedHistory;
import dev.moviedb.taste.domain.ParsedUpload;
import dev.moviedb.taste.domain.Rejection;
import dev.moviedb.taste.domain.Skipped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a Netflix export ({@code NetflixViewingHistory.csv}, {@code ViewingActivity.csv}, {@code
 * Ratings.csv} or {@code MyList.csv}), recognised by its header, into rows; or the whole export
 * zip, whose Netflix files are all read. Everything is read before anything is decided, so that
 * dates are detected from every row, the profile is chosen across all files and bad rows are
 * reported all together.
 */
public class NetflixExportReader {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2})");
  private static final long MB = 1024 * 1024;

  private final long autoplaySeconds;
  private final long maxEntryBytes;
  private final long maxTotalBytes;
  private final int maxRows;
  private final int maxFieldChars;
  private final Clock clock;

  /** A CSV parsed but not yet interpreted. */
  private record Csv(ExportFormat format, List<CSVRecord> records) {}

  /** The default caps: 200,000 rows per file, 1,000 characters per field. */
  public static final int DEFAULT_MAX_ROWS = 200_000;

  public static final int DEFAULT_MAX_FIELD_CHARS = 1_000;

  /**
   * @param autoplaySeconds viewing sessions shorter than this are autoplay, not taste
   */
  public NetflixExportReader(long autoplaySeconds) {
    this(
        autoplaySeconds,
        100 * MB,
        200 * MB,
        DEFAULT_MAX_ROWS,
        DEFAULT_MAX_FIELD_CHARS,
        Clock.systemUTC());
  }

  /**
   * @param maxRows a file with more rows is refused as a whole, naming the line
   * @param maxFieldChars a row with a longer field is rejected, naming its line and column
   */
  public static NetflixExportReader withCaps(long autoplaySeconds, int maxRows, int maxFieldChars) {
    return new NetflixExportReader(
        autoplaySeconds, 100 * MB, 200 * MB, maxRows, maxFieldChars, Clock.systemUTC());
  }

  /**
   * @param maxEntryBytes a zip entry unpacking to more than this is refused
   * @param maxTotalBytes a zip unpacking to more than this in all is refused
   */
  NetflixExportReader(long autoplaySeconds, long maxEntryBytes, long maxTotalBytes) {
    this(
        autoplaySeconds,
        maxEntryBytes,
        maxTotalBytes,
        DEFAULT_MAX_ROWS,
        DEFAULT_MAX_FIELD_CHARS,
        Clock.systemUTC());
  }

  NetflixExportReader(
      long autoplaySeconds,
      long maxEntryBytes,
      long maxTotalBytes,
      int maxRows,
      int maxFieldChars,
      Clock clock) {
    this.autoplaySeconds = autoplaySeconds;
    this.maxEntryBytes = maxEntryBytes;
    this.maxTotalBytes = maxTotalBytes;
    this.maxRows = maxRows;
    this.maxFieldChars = maxFieldChars;
    this.clock = clock;
  }

  /**
   * Reads an upload: one export CSV, or a whole export zip (recognised by its magic bytes) whose
   * Netflix files are all read with the same profile. A file that cannot be read as a whole fails
   * the upload, so nothing is half-applied.
   *
   * @param profile the profile to keep; required when the files hold several
   * @param dateFormat overrides the detected date pattern of {@code NetflixViewingHistory.csv}
   */
  public ParsedUpload readUpload(byte[] content, String profile, String dateFormat) {
    if (!ExportArchive.isZip(content)) {
      return ParsedUpload.of(read(content, profile, dateFormat));
    }
    String wanted = trimmed(profile);
    List<ExportArchive.Entry> entries =
        ExportArchive.netflixFiles(content, maxEntryBytes, maxTotalBytes);
    List<Csv> csvs = new ArrayList<>();
    Set<String> profiles = new LinkedHashSet<>();
    for (ExportArchive.Entry entry : entries) {
      Csv csv;
      try {
        csv = parse(entry.content());
      } catch (InvalidFileException e) {
        throw new InvalidFileException(
            e.status(), "in the zip, '" + entry.path() + "': " + e.getMessage());
      }
      if (csv.format() != entry.format()) {
        throw new InvalidFileException(
            "in the zip, '"
                + entry.path()
                + "' has the header of "
                + csv.format().fileName()
                + ", not of "
                + entry.format().fileName());
      }
      if (csv.format() != ExportFormat.VIEWING_HISTORY) {
        profiles.addAll(profilesOf(csv.records()));
      }
      csvs.add(csv);
    }
    String chosen = profiles.isEmpty() ? wanted : chooseProfile(profiles, wanted, "the zip");
    List<ParsedHistory> files = new ArrayList<>();
    for (int i = 0; i < csvs.size(); i++) {
      Csv csv = csvs.get(i);
      String fileProfile =
          csv.format() == ExportFormat.VIEWING_HISTORY ? wanted : chosen == null ? "" : chosen;
      files.add(interpret(csv, fileProfile, dateFormat).named(entries.get(i).path()));
    }
    return new ParsedUpload("zip", chosen, files);
  }

  /**
   * Reads one export CSV.
   *
   * @param profile the profile to keep in a multi-profile file; required when it has several
   * @param dateFormat overrides the detected date pattern of {@code NetflixViewingHistory.csv}
   */
  public ParsedHistory read(byte[] content, String profile, String dateFormat) {
    Csv csv = parse(content);
    String wanted = trimmed(profile);
    String chosen =
        csv.format() == ExportFormat.VIEWING_HISTORY
            ? wanted
            : chooseProfile(profilesOf(csv.records()), wanted, "the file");
    return interpret(csv, chosen, dateFormat);
  }

  private ParsedHistory interpret(Csv csv, String profile, String dateFormat) {
    List<CSVRecord> records = csv.records();
    return switch (csv.format()) {
      case VIEWING_HISTORY -> viewingHistory(records, profile, dateFormat);
      case VIEWING_ACTIVITY -> viewingActivity(records, profile);
      case RATINGS -> ratings(records, profile);
      case MY_LIST -> myList(records, profile);
    };
  }

  private static String trimmed(String profile) {
    return profile == null || profile.isBlank() ? null : profile.trim();
  }

  private Csv parse(byte[] content) {
    String text = decode(content);
    if (text.isBlank()) {
      throw new InvalidFileException("the file is empty: send a Netflix export CSV as the body");
    }
    List<CSVRecord> records;
    List<String> header;
    CSVFormat csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setTrim(true)
            .get();
    ExportFormat format;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
      header = parser.getHeaderNames();
      format = ExportFormat.ofHeader(header);
      records = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (records.size() == maxRows) {
          throw new InvalidFileException(
              413,
              (format == null ? "the file" : format.fileName())
                  + " line "
                  + (r.getRecordNumber() + 1)
                  + ": more than "
                  + maxRows
                  + " rows; upload it in parts of at most "
                  + maxRows
                  + " rows (each with the header line)");
        }
        records.add(r);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new InvalidFileException("the file is not a readable CSV: " + rootMessage(e));
    }
    if (format == null) {
      throw new InvalidFileException(
          "unknown header '"
              + String.join(",", header)
              + "': expected NetflixViewingHistory.csv (Title,Date), ViewingActivity.csv"
              + " (Profile Name,Start Time,Duration,...), Ratings.csv (Profile Name,Title"
              + " Name,Rating Type,...) or MyList.csv (Profile Name,Title Name,Country,Utc Title"
              + " Add Date)");
    }
    return new Csv(format, records);
  }

  private ParsedHistory viewingHistory(List<CSVRecord> records, String profile, String dateFormat) {
    String file = ExportFormat.VIEWING_HISTORY.fileName();
    List<String> dates = records.stream().map(r -> value(r, "Date")).toList();
    String pattern =
        dateFormat == null || dateFormat.isBlank() ? detectOrNull(dates) : dateFormat.trim();
    DateTimeFormatter formatter = pattern == null ? null : DatePatterns.formatter(pattern);
    List<HistoryRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    long line = 1;
    for (CSVRecord r : records) {
      line++;
      Rejection tooLong = overlong(r, file, line);
      if (tooLong != null) {
        rejected.add(tooLong);
        continue;
      }
      String title = value(r, "Title");
      String date = value(r, "Date");
      if (title.isEmpty()) {
        rejected.add(new Rejection(file, line, "Title", "is empty"));
        continue;
      }
      if (formatter == null) {
        rejected.add(new Rejection(file, line, "Date", "'" + date + "' is not a date"));
        continue;
      }
      try {
        Instant day = LocalDate.parse(date, formatter).atStartOfDay(ZoneOffset.UTC).toInstant();
        Rejection when = badTime(day, file, line, "Date", date);
        if (when != null) {
          rejected.add(when);
          continue;
        }
        rows.add(new HistoryRow(line, profile, title, Signal.WATCHED, null, day, date));
      } catch (DateTimeParseException e) {
        rejected.add(
            new Rejection(
                file, line, "Date", "'" + date + "' does not match the pattern " + pattern));
      }
    }
    return new ParsedHistory(
        ExportFormat.VIEWING_HISTORY.fileName(),
        ExportFormat.VIEWING_HISTORY,
        profile,
        records.size(),
        rows,
        Skipped.NONE,
        rejected);
  }

  private static String detectOrNull(List<String> dates) {
    try {
      return DatePatterns.detect(dates);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private ParsedHistory viewingActivity(List<CSVRecord> records, String profile) {
    String file = ExportFormat.VIEWING_ACTIVITY.fileName();
    List<HistoryRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    long trailers = 0;
    long autoplay = 0;
    long read = 0;
    long line = 1;
    for (CSVRecord r : records) {
      line++;
      if (!profile.equals(value(r, "Profile Name"))) {
        continue;
      }
      read++;
      Rejection tooLong = overlong(r, file, line);
      if (tooLong != null) {
        rejected.add(tooLong);
        continue;
      }
      if (!value(r, "Supplemental Video Type").isEmpty()) {
        trailers++;
        continue;
      }
      String title = value(r, "Title");
      if (title.isEmpty()) {
        rejected.add(new Rejection(file, line, "Title", "is empty"));
        continue;
      }
      String start = value(r, "Start Time");
      LocalDateTime time;
      try {
        time = LocalDateTime.parse(start, TIMESTAMP);
      } catch (DateTimeParseException e) {
        rejected.add(
            new Rejection(file, line, "Start Time", "'" + start + "' is not YYYY-MM-DD HH:MM:SS"));
        continue;
      }
      String duration = value(r, "Duration");
      Matcher m = DURATION.matcher(duration);
      if (!m.matches()) {
        rejected.add(new Rejection(file, line, "Duration", "'" + duration + "' is not HH:MM:SS"));
        continue;
      }
      long seconds =
          Long.parseLong(m.group(1)) * 3600
              + Long.parseLong(m.group(2)) * 60
              + Long.parseLong(m.group(3));
      if (seconds < autoplaySeconds) {
        autoplay++;
        continue;
      }
      Rejection when = badTime(time.toInstant(ZoneOffset.UTC), file, line, "Start Time", start);
      if (when != null) {
        rejected.add(when);
        continue;
      }
      rows.add(
          new HistoryRow(
              line,
              profile,
              title,
              Signal.WATCHED,
              seconds,
              time.toInstant(ZoneOffset.UTC),
              start));
    }
    return new ParsedHistory(
        ExportFormat.VIEWING_ACTIVITY.fileName(),
        ExportFormat.VIEWING_ACTIVITY,
        profile,
        read,
        rows,
        new Skipped(trailers, autoplay, 0, 0),
        rejected);
  }

  private ParsedHistory ratings(List<CSVRecord> records, String profile) {
    String file = ExportFormat.RATINGS.fileName();
    List<HistoryRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    long cleared = 0;
    long neutral = 0;
    long read = 0;
    long line = 1;
    for (CSVRecord r : records) {
      line++;
      if (!profile.equals(value(r, "Profile Name"))) {
        continue;
      }
      read++;
      Rejection tooLong = overlong(r, file, line);
      if (tooLong != null) {
        rejected.add(tooLong);
        continue;
      }
      String title = value(r, "Title Name");
      if (title.isEmpty()) {
        rejected.add(new Rejection(file, line, "Title Name", "is empty"));
        continue;
      }
      String type = value(r, "Rating Type").toLowerCase(Locale.ROOT);
      Signal signal;
      if (type.startsWith("thumb")) {
        String thumbs = value(r, "Thumbs Value");
        switch (thumbs) {
          case "0" -> signal = null;
          case "1" -> signal = Signal.DISLIKED;
          case "2" -> signal = Signal.LIKED;
          case "3" -> signal = Signal.LOVED;
          default -> {
            rejected.add(
                new Rejection(file, line, "Thumbs Value", "'" + thumbs + "' is not 0, 1, 2 or 3"));
            continue;
          }
        }
        if (signal == null) {
          cleared++;
          continue;
        }
      } else if (type.equals("star")) {
        String stars = value(r, "Star Value");
        switch (stars) {
          case "1", "2" -> signal = Signal.DISLIKED;
          case "3" -> signal = null;
          case "4", "5" -> signal = Signal.LIKED;
          default -> {
            rejected.add(new Rejection(file, line, "Star Value", "'" + stars + "' is not 1 to 5"));
            continue;
          }
        }
        if (signal == null) {
          neutral++;
          continue;
        }
      } else {
        rejected.add(
            new Rejection(file, line, "Rating Type", "'" + type + "' is neither thumb nor star"));
        continue;
      }
      String ts = value(r, "Event Utc Ts");
      LocalDateTime time;
      try {
        time = LocalDateTime.parse(ts, TIMESTAMP);
      } catch (DateTimeParseException e) {
        rejected.add(
            new Rejection(file, line, "Event Utc Ts", "'" + ts + "' is not YYYY-MM-DD HH:MM:SS"));
        continue;
      }
      Rejection when = badTime(time.toInstant(ZoneOffset.UTC), file, line, "Event Utc Ts", ts);
      if (when != null) {
        rejected.add(when);
        continue;
      }
      rows.add(
          new HistoryRow(line, profile, title, signal, null, time.toInstant(ZoneOffset.UTC), ts));
    }
    return new ParsedHistory(
        ExportFormat.RATINGS.fileName(),
        ExportFormat.RATINGS,
        profile,
        read,
        rows,
        new Skipped(0, 0, cleared, neutral),
        rejected);
  }

  /** {@code MyList.csv}: each title on the list is a mild positive, dated when it was added. */
  private ParsedHistory myList(List<CSVRecord> records, String profile) {
    String file = ExportFormat.MY_LIST.fileName();
    List<HistoryRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    long read = 0;
    long line = 1;
    for (CSVRecord r : records) {
      line++;
      if (!profile.equals(value(r, "Profile Name"))) {
        continue;
      }
      read++;
      Rejection tooLong = overlong(r, file, line);
      if (tooLong != null) {
        rejected.add(tooLong);
        continue;
      }
      String title = value(r, "Title Name");
      if (title.isEmpty()) {
        rejected.add(new Rejection(file, line, "Title Name", "is empty"));
        continue;
      }
      String added = value(r, "Utc Title Add Date");
      Instant time = timestampOrDate(added);
      if (time == null) {
        rejected.add(
            new Rejection(
                file,
                line,
                "Utc Title Add Date",
                "'" + added + "' is not YYYY-MM-DD HH:MM:SS or YYYY-MM-DD"));
        continue;
      }
      Rejection when = badTime(time, file, line, "Utc Title Add Date", added);
      if (when != null) {
        rejected.add(when);
        continue;
      }
      rows.add(new HistoryRow(line, profile, title, Signal.LISTED, null, time, added));
    }
    return new ParsedHistory(
        file, ExportFormat.MY_LIST, profile, read, rows, Skipped.NONE, rejected);
  }

  /** A UTC {@code YYYY-MM-DD HH:MM:SS} or {@code YYYY-MM-DD} (midnight UTC), or null. */
  private static Instant timestampOrDate(String value) {
    try {
      return LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** The row's first field longer than the cap, as its rejection; null when there is none. */
  private Rejection overlong(CSVRecord r, String file, long line) {
    for (Map.Entry<String, String> field : r.toMap().entrySet()) {
      String v = field.getValue();
      if (v != null && v.length() > maxFieldChars) {
        return new Rejection(
            file,
            line,
            field.getKey(),
            "is " + v.length() + " characters long; a field has at most " + maxFieldChars);
      }
    }
    return null;
  }

  /** The rejection of a row dated before 1997 or in the future; null when its time is possible. */
  private Rejection badTime(Instant at, String file, long line, String field, String raw) {
    return EventTimes.problem(at, clock.instant())
        .map(p -> new Rejection(file, line, field, "'" + raw + "' " + p))
        .orElse(null);
  }

  private static Set<String> profilesOf(List<CSVRecord> records) {
    Set<String> profiles = new LinkedHashSet<>();
    for (CSVRecord r : records) {
      profiles.add(value(r, "Profile Name"));
    }
    return profiles;
  }

  /**
   * The profile to read: the one asked for, or the only one there is.
   *
   * @param where {@code the file} or {@code the zip}, for the message
   */
  private static String chooseProfile(Set<String> profiles, String wanted, String where) {
    if (wanted != null) {
      if (!profiles.contains(wanted)) {
        throw new IllegalArgumentException(
            "profile '" + wanted + "' is not in " + where + "; its profiles are " + profiles);
      }
      return wanted;
    }
    if (profiles.size() > 1) {
      throw new IllegalArgumentException(
          where + " holds several profiles " + profiles + ": choose one with ?profile=...");
    }
    return profiles.isEmpty() ? "" : profiles.iterator().next();
  }

  private static String value(CSVRecord r, String column) {
    if (!r.isSet(column)) {
      return "";
    }
    String v = r.get(column);
    return v == null ? "" : v.trim();
  }

  /** Strict UTF-8, without a leading byte-order mark. */
  static String decode(byte[] content) {
    if (ExportArchive.isZip(content)) {
      throw new InvalidFileException(
          "a zip archive where one CSV file was expected (a zip may be the whole upload, not a"
              + " file inside it)");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFileException(
          "the file is not UTF-8 text: it may be binary, or saved as Latin-1/Windows-1252; save it"
              + " as UTF-8 CSV and upload it again");
    }
    if (text.indexOf('\0') >= 0) {
      throw new InvalidFileException("the file is binary, not a CSV text file");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
