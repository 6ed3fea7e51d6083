package dev.moviedb.evaluation;

import dev.moviedb.vectors.embedding.TextEmbedder;

/**
 * One embedding model (its query vectors remembered for the whole run) with the catalogue indexed
 * as recommend-api serves it.
 */
record ModelRun(String modelId, TextEmbedder embedder, ShippedIndex index) {}
