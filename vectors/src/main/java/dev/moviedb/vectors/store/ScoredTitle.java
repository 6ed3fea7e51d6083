package dev.moviedb.vectors.store;

/** A title found by a vector search, with its cosine similarity to the search vector. */
public record ScoredTitle(StoredTitle title, double score) {}
