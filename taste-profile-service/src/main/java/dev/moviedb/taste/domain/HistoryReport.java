package dev.moviedb.taste.domain;

import java.util.List;

/** What one upload did, for a person to read. */
public record HistoryReport(
    String userId,
    String format,
    String profile,
    long rowsRead,
    long eventsPublished,
    Skipped skipped,
    List<Rejection> rejected) {}
