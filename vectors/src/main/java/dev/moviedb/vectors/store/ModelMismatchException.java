package dev.moviedb.vectors.store;

/**
 * The vectors in a store were made by another model than the one this service is configured for.
 */
public class ModelMismatchException extends IllegalStateException {

  public ModelMismatchException(String where, String storedModel, String configuredModel) {
    super(
        where
            + " holds vectors of model '"
            + storedModel
            + "' but this service is configured for '"
            + configuredModel
            + "'. Either set MOVIEDB_EMBEDDING_MODEL="
            + storedModel
            + ", or build an index for '"
            + configuredModel
            + "' beside the old one and switch to it (deploy/README.md, 'Rotate the embedding"
            + " model').");
  }
}
