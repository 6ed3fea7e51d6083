package dev.moviedb.taste.domain;

import java.util.List;

/**
 * One upload read as a whole before anything is published: a single export file, or every Netflix
 * file of a zip.
 *
 * @param format the single file's format name, or {@code zip}
 * @param profile the profile read, or null when no file names one and none was asked for
 */
public record ParsedUpload(String format, String profile, List<ParsedHistory> files) {

  public ParsedUpload {
    files = List.copyOf(files);
  }

  public static ParsedUpload of(ParsedHistory file) {
    return new ParsedUpload(file.format().fileName(), file.profile(), List.of(file));
  }
}
