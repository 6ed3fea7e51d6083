package dev.moviedb.catalogfiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * Rows of a JSON-lines catalogue: one record per line with the fields of the catalogue event, and
 * either a {@code titleId} or a {@code source} + {@code nativeId}. Blank lines are skipped.
 */
final class JsonLinesRows implements Iterator<ParsedRow> {

  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(FileCaps.MAX_FIELD_CHARS)
                          .build())
                  .build())
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final BufferedReader reader;
  private final String fileName;
  private final String source;
  private long line;
  private long rows;
  private String pending;

  JsonLinesRows(Reader reader, String fileName, String source) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    this.fileName = fileName;
    this.source = source;
  }

  /** The JSON shape of one line. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  record Line(
      String titleId,
      String source,
      String nativeId,
      TitleType type,
      String title,
      List<String> alternateTitles,
      Integer year,
      Integer runtimeMinutes,
      Integer seasons,
      List<String> genres,
      List<String> cast,
      List<String> directors,
      List<String> countries,
      List<String> languages,
      String maturityRating,
      String description,
      String franchise,
      List<Availability> availability,
      Map<String, String> externalIds) {}

  @Override
  public boolean hasNext() {
    while (pending == null) {
      try {
        String next = readLine();
        if (next == null) {
          return false;
        }
        line++;
        if (!next.isBlank()) {
          if (++rows > FileCaps.MAX_ROWS) {
            throw new InvalidFileException(FileCaps.tooManyRows(fileName, line));
          }
          pending = next;
        }
      } catch (IOException | UncheckedIOException e) {
        throw Utf8.asInvalidFile(fileName, line + 1, e);
      }
    }
    return true;
  }

  /** The next line without its end, null at the end of the file; a line over the cap stops. */
  private String readLine() throws IOException {
    StringBuilder text = new StringBuilder();
    int c;
    while ((c = reader.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (text.length() == FileCaps.MAX_ROW_CHARS) {
        throw new InvalidFileException(FileCaps.rowTooLong(fileName, line + 1));
      }
      text.append((char) c);
    }
    if (c == -1 && text.isEmpty()) {
      return null;
    }
    int end = text.length();
    if (end > 0 && text.charAt(end - 1) == '\r') {
      text.setLength(end - 1);
    }
    return text.toString();
  }

  @Override
  public ParsedRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String text = pending;
    pending = null;
    try {
      Line l = JSON.readValue(text, Line.class);
      String id = l.titleId();
      if (id == null || id.isBlank()) {
        if (l.nativeId() == null || l.nativeId().isBlank()) {
          throw new InvalidFieldException("titleId", "is missing (give titleId or nativeId)");
        }
        String src = l.source() == null || l.source().isBlank() ? source : l.source();
        id = src + ":" + l.nativeId().strip();
      }
      return ParsedRow.valid(
          line,
          new CatalogTitle(
              id,
              l.type(),
              l.title(),
              l.alternateTitles(),
              l.year(),
              l.runtimeMinutes(),
              l.seasons(),
              l.genres(),
              l.cast(),
              l.directors(),
              l.countries(),
              l.languages(),
              l.maturityRating(),
              l.description(),
              l.franchise(),
              l.availability(),
              l.externalIds()));
    } catch (InvalidFieldException e) {
      return ParsedRow.rejected(line, e.field(), e.getMessage());
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().isEmpty()
              ? "(line)"
              : e.getPath().stream()
                  .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                  .collect(Collectors.joining("."));
      String problem =
          e instanceof InvalidFormatException f
              ? "has the invalid value " + f.getValue()
              : e.getOriginalMessage().split("\n")[0];
      return ParsedRow.rejected(line, field, field + " " + problem);
    } catch (JsonProcessingException e) {
      if (e instanceof StreamConstraintsException
          || e.getCause() instanceof StreamConstraintsException) {
        String field =
            e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                    .map(
                        r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."))
                : "(line)";
        return ParsedRow.rejected(
            line,
            field,
            field
                + " is longer than "
                + FileCaps.MAX_FIELD_CHARS
                + " characters, the most a field has");
      }
      return ParsedRow.rejected(
          line, "(line)", "not valid JSON: " + e.getOriginalMessage().split("\n")[0]);
    }
  }
}
