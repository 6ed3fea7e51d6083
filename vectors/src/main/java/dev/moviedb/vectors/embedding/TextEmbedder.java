package dev.moviedb.vectors.embedding;

import java.util.List;

/**
 * Port: turns text into unit-length vectors. Documents (title texts) and queries may be embedded
 * differently, since some models expect an instruction or prefix on one side only.
 */
public interface TextEmbedder {

  /**
   * Stable id of the model, stored with the vectors it produced (e.g. {@code bge-small-en-v1.5-q}).
   */
  String modelId();

  int dimension();

  /** Embeds catalogue documents, in input order. */
  List<float[]> embedDocuments(List<String> texts);

  /** Embeds one user query. */
  float[] embedQuery(String text);

  /**
   * Embeds several user queries, in input order. A model that can run them in one call does (the
   * in-process model: one ONNX run over the padded batch); the default embeds them one by one.
   */
  default List<float[]> embedQueries(List<String> texts) {
    return texts.stream().map(this::embedQuery).toList();
  }
}
