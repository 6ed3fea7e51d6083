package dev.moviedb.taste.domain;

import java.util.List;

/** An export read from start to end: the accepted rows, what was skipped and what was rejected. */
public record ParsedHistory(
    ExportFormat format,
    String profile,
    long rowsRead,
    List<HistoryRow> rows,
    Skipped skipped,
    List<Rejection> rejected) {

  public ParsedHistory {
    rows = List.copyOf(rows);
    rejected = List.copyOf(rejected);
  }
}
