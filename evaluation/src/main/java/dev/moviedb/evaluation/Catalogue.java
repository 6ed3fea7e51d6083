package dev.moviedb.evaluation;

import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.catalogfiles.CatalogueFormat;
import dev.moviedb.catalogfiles.ParsedRow;
import dev.moviedb.catalogfiles.TitleMapping;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.vectors.text.DocumentText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The catalogue as the evaluation sees it: titles in file order, each with its document text. */
public final class Catalogue {

  private final List<TitlePublished> titles;
  private final List<String> texts;
  private final Map<String, Integer> index = new HashMap<>();
  private final int rejected;

  public Catalogue(List<TitlePublished> titles, int rejected) {
    this.titles = List.copyOf(titles);
    this.texts = this.titles.stream().map(DocumentText::of).toList();
    for (int i = 0; i < this.titles.size(); i++) {
      index.putIfAbsent(this.titles.get(i).titleId(), i);
    }
    this.rejected = rejected;
  }

  /** Reads a {@code netflix_titles.csv} through catalog-ingest's own parser. */
  public static Catalogue load(Path csv) throws IOException {
    List<TitlePublished> titles = new ArrayList<>();
    int rejected = 0;
    try (InputStream in = Files.newInputStream(csv)) {
      Iterator<ParsedRow> rows =
          CatalogueFormat.NETFLIX_CSV.open(in, csv.getFileName().toString(), "netflix");
      while (rows.hasNext()) {
        ParsedRow row = rows.next();
        if (row.isValid()) {
          titles.add(toEvent(row.title()));
        } else {
          rejected++;
        }
      }
    }
    return new Catalogue(titles, rejected);
  }

  /** The same mapping the catalogue publisher applies. */
  public static TitlePublished toEvent(CatalogTitle t) {
    return TitleMapping.toEvent(t, Instant.EPOCH);
  }

  public int size() {
    return titles.size();
  }

  public TitlePublished title(int i) {
    return titles.get(i);
  }

  public List<TitlePublished> titles() {
    return titles;
  }

  /** Every title's text in the default form, the one the embedding worker embeds. */
  public List<String> documentTexts() {
    return texts;
  }

  /** Every title's text in the given form. */
  public List<String> documentTexts(DocumentText.Form form) {
    return form == DocumentText.Form.DEFAULT
        ? texts
        : titles.stream().map(t -> DocumentText.of(t, form)).toList();
  }

  /** Position of a title id, or -1. */
  public int indexOf(String titleId) {
    return index.getOrDefault(titleId, -1);
  }

  public int rejected() {
    return rejected;
  }
}
