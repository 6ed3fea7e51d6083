package dev.moviedb.catalog.domain;

/** How an import treats titles of its source that the file does not mention. */
public enum ImportMode {
  /** Only the titles in the file are added or changed. */
  UPSERT,
  /** The file is the whole catalogue of its source: titles missing from it are removed. */
  SNAPSHOT
}
