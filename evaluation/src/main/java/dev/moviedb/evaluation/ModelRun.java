package dev.moviedb.evaluation;

import dev.moviedb.vectors.embedding.TextEmbedder;

/** One embedding model with the title vectors it produced. */
public record ModelRun(String modelId, TextEmbedder embedder, DenseIndex index) {}
