package dev.moviedb.vectors.text;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The text a title is embedded from: its name and other names, what kind of title it is, genres,
 * leading cast, directors, year, length and plot. Availability is deliberately absent, so that
 * availability-only changes never cause re-embedding.
 */
public final class DocumentText {

  static final int LEADING_CAST = 5;

  private DocumentText() {}

  public static String of(TitlePublished t) {
    StringBuilder text = new StringBuilder(t.title());
    if (t.year() != null) {
      text.append(" (").append(t.year()).append(')');
    }
    text.append(". ").append(t.type() == TitleType.SERIES ? "Series" : "Movie");
    if (t.seasons() != null) {
      text.append(", ").append(t.seasons()).append(t.seasons() == 1 ? " season" : " seasons");
    }
    if (t.runtimeMinutes() != null) {
      text.append(", ").append(t.runtimeMinutes()).append(" minutes");
    }
    text.append('.');
    appendList(text, " Also known as: ", t.alternateTitles());
    appendList(text, " Genres: ", t.genres());
    appendList(text, " Directed by ", t.directors());
    appendList(text, " Starring ", t.cast().subList(0, Math.min(LEADING_CAST, t.cast().size())));
    if (t.description() != null && !t.description().isBlank()) {
      text.append(' ').append(t.description().strip());
    }
    return text.toString();
  }

  private static void appendList(StringBuilder text, String label, List<String> values) {
    if (!values.isEmpty()) {
      text.append(label).append(String.join(", ", values)).append('.');
    }
  }

  /** SHA-256 of the text and the model: equal hashes mean the stored vector is still right. */
  public static String hash(String text, String modelId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(modelId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
