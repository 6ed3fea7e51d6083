package dev.moviedb.taste.domain;

import java.util.List;

/**
 * An export file read from start to end: the accepted rows, what was skipped and what was rejected.
 *
 * @param name where the file came from: its path in a zip, or the format's file name
 */
public record ParsedHistory(
    String name,
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

  /** This file under another name (its path in a zip). */
  public ParsedHistory named(String newName) {
    return new ParsedHistory(newName, format, profile, rowsRead, rows, skipped, rejected);
  }
}
