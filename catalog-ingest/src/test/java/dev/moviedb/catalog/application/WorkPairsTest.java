package dev.moviedb.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.ImportMode;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalog.domain.SnapshotPolicy;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.CatalogueFormat;
import dev.moviedb.events.Availability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Measures the shipped work matching against the team's labels (src/test/resources/work-pairs.csv:
 * every candidate pair of the sample catalogue and the real Netflix catalogue, labelled by hand as
 * the same work or not). Both catalogues go through the real import use case, in both orders; the
 * figures land in target/work-pairs.txt and docs/WORKS.md. Skipped when ../shared/data is absent.
 */
class WorkPairsTest {

  /** The lowest recall docs/WORKS.md accepts; precision must be 1.0 (no wrong merge). */
  private static final double RECALL_FLOOR = 0.96;

  private record Label(String sampleId, String netflixId, boolean sameWork, String reason) {}

  private record Score(
      String order,
      int labelled,
      int positives,
      int truePositives,
      int falsePositives,
      int falseNegatives,
      List<String> wrongMerges,
      List<String> missed,
      List<String> unlabelledMerges,
      Map<String, ImportReport> reports) {

    double precision() {
      int merged = truePositives + falsePositives;
      return merged == 0 ? 1.0 : (double) truePositives / merged;
    }

    double recall() {
      return positives == 0 ? 1.0 : (double) truePositives / positives;
    }
  }

  /** A broker that acknowledges everything: the matching is what is measured here. */
  private static final class Acknowledging implements CataloguePublisher {
    @Override
    public void publish(List<WorkMember> titles) {}

    @Override
    public void remove(List<String> titleIds) {}

    @Override
    public void publishWorks(List<CatalogWork> works) {}

    @Override
    public void removeWorks(List<String> workIds) {}
  }

  @Test
  void shippedMatching_overSampleAndNetflixCatalogues_mergesNoLabelledDifferentWorks()
      throws IOException {
    Path netflix =
        Path.of(System.getProperty("moviedb.shared-data", "../../shared/data"))
            .resolve("catalog/netflix_titles.csv");
    assumeTrue(
        Files.exists(netflix),
        "../shared/data/catalog/netflix_titles.csv is absent: work matching not measured");
    Path sample =
        Path.of(System.getProperty("moviedb.project-root", ".."))
            .resolve("samples/catalog/sample-titles.jsonl");
    List<Label> labels = labels();

    Score sampleFirst = measure("sample, then netflix", labels, sample, netflix, true);
    Score netflixFirst = measure("netflix, then sample", labels, sample, netflix, false);

    String text = render(labels, sampleFirst, netflixFirst);
    System.out.println(text);
    Path out = Path.of("target/work-pairs.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);

    for (Score s : List.of(sampleFirst, netflixFirst)) {
      assertThat(s.wrongMerges()).as("wrong merges (%s)", s.order()).isEmpty();
      assertThat(s.unlabelledMerges()).as("merges nobody labelled (%s)", s.order()).isEmpty();
      assertThat(s.recall()).as("recall (%s)", s.order()).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }
  }

  private static Score measure(
      String order, List<Label> labels, Path sample, Path netflix, boolean sampleFirst)
      throws IOException {
    CatalogState state = new CatalogState();
    ImportCatalogue importer =
        new ImportCatalogue(
            new WorkCatalogue(new Acknowledging(), state), state, new SnapshotPolicy(1.0));
    Map<String, ImportReport> reports = new LinkedHashMap<>();
    for (boolean s : sampleFirst ? List.of(true, false) : List.of(false, true)) {
      Path file = s ? sample : netflix;
      CatalogueFormat format = s ? CatalogueFormat.JSONL : CatalogueFormat.NETFLIX_CSV;
      String source = s ? "sample" : "netflix";
      try (InputStream in = Files.newInputStream(file)) {
        ImportReport report =
            importer.run(
                new ImportCatalogue.Request(
                    file.getFileName().toString(),
                    format.formatName(),
                    source,
                    ImportMode.UPSERT,
                    List.of(Availability.of("netflix", "NL"))),
                format.open(in, file.getFileName().toString(), source));
        assertThat(report.status()).isEqualTo("COMPLETED");
        reports.put(source, report);
      }
    }

    Set<String> labelled = new TreeSet<>();
    int positives = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> wrong = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (Label l : labels) {
      labelled.add(l.sampleId() + "|" + l.netflixId());
      boolean merged = sameWork(state, l.sampleId(), l.netflixId());
      if (l.sameWork()) {
        positives++;
      }
      if (merged && l.sameWork()) {
        tp++;
      } else if (merged) {
        fp++;
        wrong.add(l.sampleId() + " ~ " + l.netflixId() + " (labelled: " + l.reason() + ")");
      } else if (l.sameWork()) {
        fn++;
        missed.add(l.sampleId() + " ~ " + l.netflixId() + ": " + why(reports, l));
      }
    }
    List<String> unlabelled = new ArrayList<>();
    for (WorkMember m : state.members()) {
      if (!m.titleId().startsWith("sample:")) {
        continue;
      }
      for (WorkMember other : state.membersOf(m.workId())) {
        if (other.titleId().startsWith("netflix:")
            && !labelled.contains(m.titleId() + "|" + other.titleId())) {
          unlabelled.add(m.titleId() + " ~ " + other.titleId());
        }
      }
    }
    return new Score(
        order, labels.size(), positives, tp, fp, fn, wrong, missed, unlabelled, reports);
  }

  private static boolean sameWork(CatalogState state, String a, String b) {
    String wa = state.member(a).map(WorkMember::workId).orElseThrow();
    String wb = state.member(b).map(WorkMember::workId).orElseThrow();
    return wa.equals(wb);
  }

  /** What the import report said about a pair the matching did not merge. */
  private static String why(Map<String, ImportReport> reports, Label l) {
    for (ImportReport r : reports.values()) {
      for (WorkReport.NotMerged n : r.works().notMerged()) {
        Set<String> pair = Set.of(n.titleId(), n.otherTitleId());
        if (pair.equals(Set.of(l.sampleId(), l.netflixId()))) {
          return n.reason();
        }
      }
    }
    return "not a candidate (no shared name or external id)";
  }

  private static List<Label> labels() throws IOException {
    List<Label> labels = new ArrayList<>();
    try (InputStream in = WorkPairsTest.class.getResourceAsStream("/work-pairs.csv")) {
      assertThat(in).as("work-pairs.csv on the test class path").isNotNull();
      var parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      for (CSVRecord r : parser) {
        String label = r.get("same_work");
        assertThat(label).as("same_work on line %d", r.getRecordNumber() + 1).isIn("yes", "no");
        labels.add(
            new Label(
                r.get("sample_id"), r.get("netflix_id"), label.equals("yes"), r.get("reason")));
      }
    }
    return labels;
  }

  private static String render(List<Label> labels, Score... scores) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Work matching against the labels: %d pairs, %d the same work, %d not%n",
            labels.size(),
            labels.stream().filter(Label::sameWork).count(),
            labels.stream().filter(l -> !l.sameWork()).count()));
    out.append("| import order | merged | right | wrong | missed | precision | recall |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Score s : scores) {
      out.append(
          String.format(
              "| %s | %d | %d | %d | %d | %.3f | %.3f |%n",
              s.order(),
              s.truePositives() + s.falsePositives(),
              s.truePositives(),
              s.falsePositives(),
              s.falseNegatives(),
              s.precision(),
              s.recall()));
    }
    for (Score s : scores) {
      out.append("\n").append(s.order()).append(": ");
      s.reports()
          .forEach(
              (source, r) ->
                  out.append(
                      String.format(
                          "%s %,d rows in %d ms (%d new works, %d merges, %d conflicts, %d not"
                              + " merged); ",
                          source,
                          r.rowsRead(),
                          java.time.Duration.between(r.startedAt(), r.finishedAt()).toMillis(),
                          r.works().newWorkCount(),
                          r.works().mergeCount(),
                          r.works().conflictCount(),
                          r.works().notMergedCount())));
      out.append("\nMissed (").append(s.order()).append("):\n");
      s.missed().forEach(m -> out.append("- ").append(m).append('\n'));
      out.append("Not merged, as the import reports say (").append(s.order()).append("):\n");
      s.reports().values().stream()
          .flatMap(r -> r.works().notMerged().stream())
          .forEach(
              n ->
                  out.append("- ")
                      .append(n.titleId())
                      .append(" / ")
                      .append(n.otherTitleId())
                      .append(": ")
                      .append(n.reason())
                      .append('\n'));
      if (!s.wrongMerges().isEmpty()) {
        out.append("Wrong merges (").append(s.order()).append("):\n");
        s.wrongMerges().forEach(m -> out.append("- ").append(m).append('\n'));
      }
      if (!s.unlabelledMerges().isEmpty()) {
        out.append("Merges nobody labelled (").append(s.order()).append("):\n");
        s.unlabelledMerges().forEach(m -> out.append("- ").append(m).append('\n'));
      }
    }
    return out.toString();
  }
}
