package dev.moviedb.taste.domain;

import java.util.List;

/**
 * What one upload did, for a person to read: totals over its files, every rejected row (by file and
 * line), the titles that name no catalogue title yet, and one entry per file.
 *
 * @param format the single file's format name, or {@code zip}
 * @param eventsResolved how many published events name a catalogue title; the others are kept and
 *     resolved when the catalogue gains their title
 * @param unresolved the most frequent title strings that name no catalogue title (at most 50)
 */
public record HistoryReport(
    String userId,
    String format,
    String profile,
    long rowsRead,
    long eventsPublished,
    long eventsResolved,
    Skipped skipped,
    List<Rejection> rejected,
    List<UnresolvedTitle> unresolved,
    List<FileReport> files) {}
