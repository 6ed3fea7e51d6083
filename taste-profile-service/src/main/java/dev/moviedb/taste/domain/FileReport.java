package dev.moviedb.taste.domain;

/**
 * What one file of an upload did.
 *
 * @param name its path in the zip, or its format's file name for a single upload
 * @param format the export format's file name, e.g. {@code Ratings.csv}
 * @param eventsResolved how many of the published events name a catalogue title
 * @param rejected how many rows were rejected; the report lists them by file and line
 */
public record FileReport(
    String name,
    String format,
    long rowsRead,
    long eventsPublished,
    long eventsResolved,
    Skipped skipped,
    long rejected) {}
