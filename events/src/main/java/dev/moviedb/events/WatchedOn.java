package dev.moviedb.events;

/**
 * Where a watch event happened: the streaming service (e.g. {@code netflix}) and the country of the
 * viewer's account or session (ISO 3166 alpha-2, e.g. {@code NL}). Optional on {@link
 * WatchRecorded}: sources that do not know it leave it out.
 */
public record WatchedOn(String service, String country) {}
