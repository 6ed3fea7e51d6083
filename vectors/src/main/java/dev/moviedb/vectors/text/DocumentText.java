package dev.moviedb.vectors.text;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text a title is embedded from. {@link #of(TitlePublished)} gives the {@link Form#DEFAULT}
 * form: the plot first, then the title and its other names, genres, directors and leading cast. The
 * other forms exist so that the evaluation can compare them (docs/EVALUATION.md, "Document-text
 * forms"). Availability is deliberately absent from every form, so that availability-only changes
 * never cause re-embedding.
 */
public final class DocumentText {

  static final int LEADING_CAST = 5;

  /** Which fields go into the text, and in which order. */
  public enum Form {
    /** Title, year, type, seasons or runtime, other names, genres, directors, 5 cast, plot. */
    FULL("full", "title, year, type, length, other names, genres, directors, leading 5 cast, plot"),
    /** The plot first, then everything else of {@link #FULL} in the same order. */
    PLOT_FIRST("plot-first", "plot, then the metadata of full"),
    /** {@link #FULL} without directors and cast. */
    NO_PEOPLE("no-people", "full without directors and cast"),
    /** Title, genres and plot only. */
    MINIMAL("minimal", "title, genres, plot"),
    /**
     * The plot, then title, other names, genres, directors and 5 cast: {@link #PLOT_FIRST} without
     * year, type and length.
     */
    PLOT_FIRST_LEAN(
        "plot-first-lean",
        "plot, then title, other names, genres, directors, leading 5 cast (no year, type, length)");

    /**
     * The form the embedding worker uses, chosen by docs/EVALUATION.md: against {@link #FULL} it
     * finds the real TOMT and labelled requests far more often while keeping requests by cast and
     * director. Changing it changes every content hash, so the whole catalogue is embedded again.
     */
    public static final Form DEFAULT = PLOT_FIRST_LEAN;

    private final String id;
    private final String description;

    Form(String id, String description) {
      this.id = id;
      this.description = description;
    }

    /** Stable name, e.g. {@code plot-first}. */
    public String id() {
      return id;
    }

    /** The fields of the form in words. */
    public String description() {
      return description;
    }

    /** The form with this id (case and surrounding blanks ignored). */
    public static Form byId(String id) {
      String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(values())
          .filter(f -> f.id.equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown document-text form '"
                          + id
                          + "' (expected one of "
                          + Arrays.stream(values()).map(Form::id).collect(Collectors.joining(", "))
                          + ")"));
    }
  }

  private DocumentText() {}

  /** The text in the {@link Form#DEFAULT} form: what the embedding worker embeds. */
  public static String of(TitlePublished t) {
    return of(t, Form.DEFAULT);
  }

  public static String of(TitlePublished t, Form form) {
    StringBuilder text = new StringBuilder();
    switch (form) {
      case FULL -> {
        metadata(text, t, true);
        appendPlot(text, t);
      }
      case PLOT_FIRST -> {
        String plot = plot(t);
        if (!plot.isEmpty()) {
          text.append(plot).append(' ');
        }
        metadata(text, t, true);
      }
      case NO_PEOPLE -> {
        metadata(text, t, false);
        appendPlot(text, t);
      }
      case MINIMAL -> {
        text.append(t.title()).append('.');
        appendList(text, " Genres: ", t.genres());
        appendPlot(text, t);
      }
      case PLOT_FIRST_LEAN -> {
        String plot = plot(t);
        if (!plot.isEmpty()) {
          text.append(plot).append(' ');
        }
        text.append(t.title()).append('.');
        appendList(text, " Also known as: ", t.alternateTitles());
        appendList(text, " Genres: ", t.genres());
        appendPeople(text, t);
      }
    }
    return text.toString();
  }

  /** Name, year, type, length, other names, genres and (if wanted) directors and leading cast. */
  private static void metadata(StringBuilder text, TitlePublished t, boolean people) {
    text.append(t.title());
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
    if (people) {
      appendPeople(text, t);
    }
  }

  private static void appendPeople(StringBuilder text, TitlePublished t) {
    appendList(text, " Directed by ", t.directors());
    appendList(text, " Starring ", t.cast().subList(0, Math.min(LEADING_CAST, t.cast().size())));
  }

  private static String plot(TitlePublished t) {
    return t.description() == null ? "" : t.description().strip();
  }

  private static void appendPlot(StringBuilder text, TitlePublished t) {
    String plot = plot(t);
    if (!plot.isEmpty()) {
      text.append(' ').append(plot);
    }
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
