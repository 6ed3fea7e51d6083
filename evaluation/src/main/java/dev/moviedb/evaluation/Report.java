package dev.moviedb.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evaluation as Markdown: a header block, tables, notes and what was skipped. */
public final class Report {

  /** One Markdown table with a heading and an optional explanation under it. */
  public record Table(String title, String note, List<String> header, List<List<String>> rows) {

    String markdown() {
      StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
      if (note != null && !note.isBlank()) {
        md.append(note).append("\n\n");
      }
      md.append(row(header));
      md.append(row(header.stream().map(h -> "---").toList()));
      rows.forEach(r -> md.append(row(r)));
      return md.append('\n').toString();
    }

    private static String row(List<String> cells) {
      return "| " + String.join(" | ", cells) + " |\n";
    }
  }

  private final String heading;
  private final List<String[]> facts = new ArrayList<>();
  private final List<String> sections = new ArrayList<>();
  private final List<String> decisions = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  public Report(String heading) {
    this.heading = heading;
  }

  public Report fact(String name, String value) {
    facts.add(new String[] {name, value});
    return this;
  }

  public Report section(String title) {
    sections.add("## " + title + "\n\n");
    return this;
  }

  /** A paragraph in the current section, e.g. the value a table chose. */
  public Report text(String paragraph) {
    sections.add(paragraph + "\n\n");
    return this;
  }

  /**
   * A default the evaluation chose: written where it was measured and listed again at the top of
   * the report.
   */
  public Report decision(String sentence) {
    decisions.add(sentence);
    return text(sentence);
  }

  public List<String> decisions() {
    return List.copyOf(decisions);
  }

  public Report table(Table table) {
    sections.add(table.markdown());
    return this;
  }

  public Report note(String note) {
    notes.add(note);
    return this;
  }

  public Report skipped(String what) {
    skipped.add(what);
    return this;
  }

  public List<String> skippedItems() {
    return List.copyOf(skipped);
  }

  public String markdown() {
    StringBuilder md = new StringBuilder("# ").append(heading).append("\n\n");
    for (String[] f : facts) {
      md.append("- **").append(f[0]).append("**: ").append(f[1]).append('\n');
    }
    md.append('\n');
    if (!decisions.isEmpty()) {
      md.append("## Defaults chosen by these numbers\n\n");
      decisions.forEach(d -> md.append("- ").append(d).append('\n'));
      md.append('\n');
    }
    sections.forEach(md::append);
    if (!notes.isEmpty()) {
      md.append("## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }
    md.append("## Skipped\n\n");
    if (skipped.isEmpty()) {
      md.append("Nothing: every data set was present.\n");
    } else {
      skipped.forEach(s -> md.append("- ").append(s).append('\n'));
    }
    return md.toString();
  }

  public static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
