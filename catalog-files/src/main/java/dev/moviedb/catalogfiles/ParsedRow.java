package dev.moviedb.catalogfiles;

/**
 * One row of an import file: either a valid title or the reason it was rejected.
 *
 * @param line the 1-based line of the file where the row starts
 */
public record ParsedRow(long line, CatalogTitle title, Rejection rejection) {

  public static ParsedRow valid(long line, CatalogTitle title) {
    return new ParsedRow(line, title, null);
  }

  public static ParsedRow rejected(long line, String field, String reason) {
    return new ParsedRow(line, null, new Rejection(line, field, reason));
  }

  public boolean isValid() {
    return title != null;
  }
}
