package dev.moviedb.taste.domain;

/** A title string that names no catalogue title (yet), and how many events carry it. */
public record UnresolvedTitle(String rawTitle, long count) {}
