package dev.moviedb.taste.domain;

import java.util.List;

/**
 * What one upload did, for a person to read: totals over its files, every rejected row (by file and
 * line), and one entry per file.
 *
 * @param format the single file's format name, or {@code zip}
 */
public record HistoryReport(
    String userId,
    String format,
    String profile,
    long rowsRead,
    long eventsPublished,
    Skipped skipped,
    List<Rejection> rejected,
    List<FileReport> files) {}
