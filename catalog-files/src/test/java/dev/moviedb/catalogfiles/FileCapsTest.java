package dev.moviedb.catalogfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps on a catalogue file: a field, a row, and the rows of a file, each named by line. */
class FileCapsTest {

  private static final String HEADER =
      "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,"
          + "description\n";

  @Test
  void aCsvFieldOverTheCap_rejectsItsRowNamingLineAndColumn_andTheNextRowsGoOn() {
    String csv =
        HEADER
            + "s1,Movie,Long One,,,,,2020,,90 min,Dramas,\""
            + "d".repeat(FileCaps.MAX_FIELD_CHARS + 1)
            + "\"\n"
            + "s2,Movie,Short One,,,,,2020,,90 min,Dramas,Fine.\n";

    List<ParsedRow> rows = rows(CatalogueFormat.NETFLIX_CSV, csv);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).toString())
        .contains("line=2")
        .contains("description")
        .contains("at most " + FileCaps.MAX_FIELD_CHARS);
    assertThat(rows.get(1).toString()).contains("Short One");
  }

  @Test
  void aJsonLinesTextOverTheCap_rejectsItsLineNamingTheField() {
    String jsonl =
        "{\"titleId\":\"x:1\",\"type\":\"MOVIE\",\"title\":\""
            + "t".repeat(FileCaps.MAX_FIELD_CHARS + 1)
            + "\"}\n"
            + "{\"titleId\":\"x:2\",\"type\":\"MOVIE\",\"title\":\"Fine\"}\n";

    List<ParsedRow> rows = rows(CatalogueFormat.JSONL, jsonl);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).toString()).contains("line=1").contains("title is longer than");
    assertThat(rows.get(1).toString()).contains("Fine");
  }

  @Test
  void anUnclosedQuoteRunningPastTheRowCap_stopsTheFileNamingTheLine() {
    String csv =
        HEADER
            + "s1,Movie,Fine,,,,,2020,,90 min,Dramas,Fine.\n"
            + "s2,Movie,\"Never closed,"
            + "x\n".repeat(FileCaps.MAX_ROW_CHARS / 2 + 40_000);
    Iterator<ParsedRow> rows = open(CatalogueFormat.NETFLIX_CSV, stream(csv));

    assertThat(rows.next().toString()).contains("Fine");
    assertThatThrownBy(rows::hasNext)
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("longer than " + FileCaps.MAX_ROW_CHARS);
  }

  @Test
  void aFileOverTheRowCap_stopsAtTheFirstRowPastIt() {
    List<InputStream> parts = new ArrayList<>();
    parts.add(stream("")); // JSON lines have no header
    byte[] line =
        "{\"titleId\":\"x:1\",\"type\":\"MOVIE\",\"title\":\"T\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[line.length * 1000];
    for (int i = 0; i < 1000; i++) {
      System.arraycopy(line, 0, block, i * line.length, line.length);
    }
    for (long i = 0; i <= FileCaps.MAX_ROWS / 1000; i++) {
      parts.add(new ByteArrayInputStream(block));
    }
    Iterator<ParsedRow> rows =
        open(CatalogueFormat.JSONL, new SequenceInputStream(Collections.enumeration(parts)));

    long read = 0;
    Throwable stopped = null;
    try {
      while (rows.hasNext()) {
        rows.next();
        read++;
      }
    } catch (InvalidFileException e) {
      stopped = e;
    }

    assertThat(read).isEqualTo(FileCaps.MAX_ROWS);
    assertThat(stopped)
        .hasMessageContaining("line " + (FileCaps.MAX_ROWS + 1))
        .hasMessageContaining("more than " + FileCaps.MAX_ROWS + " rows");
  }

  private static List<ParsedRow> rows(CatalogueFormat format, String text) {
    List<ParsedRow> out = new ArrayList<>();
    open(format, stream(text)).forEachRemaining(out::add);
    return out;
  }

  private static Iterator<ParsedRow> open(CatalogueFormat format, InputStream in) {
    return format.open(in, "test-file", "test");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
