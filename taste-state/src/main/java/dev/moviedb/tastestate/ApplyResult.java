package dev.moviedb.tastestate;

/**
 * What applying a batch of changes did.
 *
 * @param applied events applied for the first time (resolved or kept unresolved)
 * @param duplicates events applied before: nothing changed
 * @param resolvedLater events kept unresolved before, now applied under their title
 * @param erased events published before their user's erasure: ignored
 */
public record ApplyResult(long applied, long duplicates, long resolvedLater, long erased) {

  public static final ApplyResult NONE = new ApplyResult(0, 0, 0, 0);

  public ApplyResult plus(ApplyResult other) {
    return new ApplyResult(
        applied + other.applied,
        duplicates + other.duplicates,
        resolvedLater + other.resolvedLater,
        erased + other.erased);
  }
}
