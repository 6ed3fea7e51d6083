package dev.moviedb.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.embedding.QueryCache;
import dev.moviedb.vectors.text.DocumentText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small end-to-end run of the harness: about 60 titles, five requests, the small MiniLM model.
 * Quality floors only; no timing.
 */
class HarnessSmokeTest {

  private static final int SUBSET = 60;

  @TempDir Path tmp;

  /** The small catalogue and the requests whose answers it holds. */
  private record Setup(Catalogue catalogue, List<QueryCase> cases) {}

  private Setup setup() throws IOException {
    Path real = realCatalogue();
    if (real != null) {
      List<QueryCase> cases =
          List.of(
              query("a series about vikings", TitleType.SERIES, "s2629", "s2219"),
              query("girl who is a chess genius growing up in an orphanage", null, "s1805"),
              query("shark attacks a beach town", TitleType.MOVIE, "s42"),
              query(
                  "anime about a notebook that kills anyone whose name is written in it",
                  null,
                  "s5752",
                  "s5319"),
              query("hacker discovers reality is a computer simulation", null, "s8415"));
      return new Setup(subset(Catalogue.load(real), cases), cases);
    }
    List<QueryCase> cases =
        List.of(
            query("a series about vikings", TitleType.SERIES, "t1"),
            query("chess prodigy", null, "t2"),
            query("shark attacks swimmers at a beach", TitleType.MOVIE, "t3"),
            query("cooking competition for amateur bakers", null, "t4"),
            query("astronauts stranded on Mars", null, "t5"));
    return new Setup(Catalogue.load(writeTinyCatalogue()), cases);
  }

  @Test
  void shippedRanking_onASmallCatalogue_findsMostAnswersAndBeatsTheBrokenBaseline()
      throws IOException {
    Setup setup = setup();
    List<QueryCase> cases = setup.cases();
    Catalogue catalogue = setup.catalogue();
    assertThat(QuerySets.resolve(cases, catalogue)).hasSize(cases.size());

    try (InProcessEmbedder embedder =
            new InProcessEmbedder(EmbeddingModels.ALL_MINILM_L6_V2_Q, 2, 1);
        Bm25Index bm25 = new Bm25Index(catalogue.titles())) {
      ModelRun run = run(catalogue, embedder);
      List<RetrievalScore> scores =
          new QueryEval(catalogue, bm25, List.of(run)).evaluate("smoke", cases);

      RetrievalScore dense = method(scores, "shipped ranking " + embedder.modelId());
      RetrievalScore random = method(scores, "random (broken on purpose)");
      assertThat(dense.queries()).isEqualTo(cases.size());
      assertThat(dense.hit10()).isGreaterThanOrEqualTo(0.6);
      assertThat(dense.mrr()).isGreaterThan(random.mrr());

      // Document-text forms: the default form scores exactly as the shipped ranking above, a form
      // that keeps title, genres and plot still finds most answers, and requests by person are
      // found through the default form, which names the leading cast and directors.
      List<QueryCase> people = QuerySets.people(catalogue, 5, 1);
      for (QueryCase p : people) {
        String person = p.query().replaceFirst("^a (movie|series) (starring|directed by) ", "");
        assertThat(p.answers())
            .as(p.query())
            .isNotEmpty()
            .allSatisfy(
                id -> {
                  TitlePublished t = catalogue.title(catalogue.indexOf(id));
                  assertThat(
                          p.note().equals("cast")
                              ? t.cast().subList(0, Math.min(5, t.cast().size()))
                              : t.directors())
                      .contains(person);
                });
      }
      FormEval forms =
          new FormEval(
              catalogue,
              new EmbeddingCache(tmp.resolve("cache")),
              List.of(run),
              tmp.resolve("indexes"));
      List<FormEval.FormScore> byForm =
          forms.evaluate(
              List.of(DocumentText.Form.DEFAULT, DocumentText.Form.MINIMAL),
              cases,
              cases,
              people,
              null);
      assertThat(byForm)
          .extracting(FormEval.FormScore::form)
          .containsExactly(DocumentText.Form.DEFAULT, DocumentText.Form.MINIMAL);
      assertThat(byForm.get(0).labelled().hit10()).isEqualTo(dense.hit10());
      assertThat(byForm.get(0).labelled().mrr()).isEqualTo(dense.mrr());
      assertThat(byForm.get(1).tomt().cases()).isEqualTo(cases.size());
      assertThat(byForm.get(1).labelled().hit10()).isGreaterThanOrEqualTo(0.6);
      assertThat(byForm.get(0).people().cases()).isEqualTo(people.size());
      assertThat(byForm.get(0).taste().cases()).isZero(); // no MovieLens protocol given
      if (!people.isEmpty()) { // the tiny fallback catalogue names no people
        assertThat(byForm.get(0).people().hit10()).isGreaterThanOrEqualTo(0.6);
      }
    }
  }

  @Test
  void fusionSweeps_onASmallCatalogue_holdTheInvariantsOfTheRanking() throws IOException {
    Catalogue catalogue = setup().catalogue();
    // Three users rate the first 12 titles, one a day; the last ratings (held out) are 4.5 and 5.
    List<MovieLens.Rating> ratings = new ArrayList<>();
    for (int user = 1; user <= 3; user++) {
      for (int i = 0; i < 12; i++) {
        double rating = i >= 10 ? 4.5 : (i + user) % 4 == 0 ? 1.5 : 3.5;
        ratings.add(
            new MovieLens.Rating(
                user, i, catalogue.title((i + user) % 12).titleId(), rating, 86_400L * (i + 1)));
      }
    }
    HeldOut.Protocol protocol = HeldOut.of(catalogue, ratings, 10);
    assertThat(protocol.users()).hasSize(3);
    assertThat(protocol.users()).allSatisfy(u -> assertThat(u.liked()).hasSize(2));

    try (InProcessEmbedder embedder =
        new InProcessEmbedder(EmbeddingModels.ALL_MINILM_L6_V2_Q, 2, 1)) {
      ModelRun run = run(catalogue, embedder);
      FusionEval fusion = new FusionEval(catalogue, List.of(run), protocol);
      assertThat(fusion.requests()).isEqualTo(6);

      List<FusionEval.AlphaScore> alphas = fusion.alphaSweep();
      assertThat(alphas).hasSize(FusionEval.ALPHAS.length * FusionEval.Style.values().length);
      for (FusionEval.AlphaScore a : alphas) {
        assertThat(a.calibrated().cases()).isEqualTo(6);
        if (a.alpha() == 0 || a.alpha() == 1) {
          // One source alone: calibration is a monotone rescaling and cannot change the order.
          assertThat(a.calibrated().rr).as("alpha %s", a.alpha()).isEqualTo(a.raw().rr);
        }
      }

      // The catalogue is smaller than any candidate count: the union is the whole catalogue.
      for (FusionEval.CandidateScore c : fusion.candidateSweep(0.6)) {
        assertThat(c.identical()).containsOnly(1.0);
        assertThat(c.recall10()).containsOnly(1.0);
        assertThat(c.unionSize()).containsOnly((double) catalogue.size());
      }
    }
  }

  @Test
  void labelledSet_isLargeEnough_andEveryAnswerIsInTheRealCatalogue() throws IOException {
    List<QueryCase> labelled = QuerySets.labelledDefault();
    assertThat(labelled).hasSizeGreaterThanOrEqualTo(80);
    Path real = realCatalogue();
    Assumptions.assumeTrue(
        real != null,
        "skipped: the real catalogue is absent (set -Dmoviedb.shared-data to ../shared/data)");
    Catalogue catalogue = Catalogue.load(real);
    for (QueryCase c : labelled) {
      for (String answer : c.answers()) {
        int i = catalogue.indexOf(answer);
        assertThat(i).as("%s answer %s", c.query(), answer).isNotNegative();
        assertThat(c.accepts(catalogue.title(i))).as("%s answer %s", c.query(), answer).isTrue();
      }
    }
  }

  /** The model with the catalogue indexed as recommend-api serves it. */
  private ModelRun run(Catalogue catalogue, InProcessEmbedder embedder) {
    DenseIndex vectors = new DenseIndex(EmbeddingCache.embed(catalogue.documentTexts(), embedder));
    return new ModelRun(
        embedder.modelId(),
        new QueryCache(embedder, 1000),
        new ShippedIndex(
            catalogue,
            vectors,
            embedder.modelId(),
            tmp.resolve("index-" + System.nanoTime()),
            RankingSettings.DEFAULTS.calibrationSample()));
  }

  private static Path realCatalogue() {
    String data = System.getProperty("moviedb.shared-data");
    if (data == null || data.isBlank()) {
      return null;
    }
    Path csv = Path.of(data, "catalog", "netflix_titles.csv");
    return Files.isRegularFile(csv) ? csv : null;
  }

  /** The answers of the requests plus the first catalogue titles, about {@link #SUBSET} in all. */
  private static Catalogue subset(Catalogue full, List<QueryCase> cases) {
    Set<String> ids = new LinkedHashSet<>();
    cases.forEach(c -> ids.addAll(c.answers()));
    for (int i = 0; ids.size() < SUBSET && i < full.size(); i++) {
      ids.add(full.title(i).titleId());
    }
    List<TitlePublished> titles = new ArrayList<>();
    ids.forEach(id -> titles.add(full.title(full.indexOf(id))));
    return new Catalogue(titles, 0);
  }

  private static QueryCase query(String text, TitleType type, String... showIds) {
    Set<String> answers = new LinkedHashSet<>();
    for (String id : showIds) {
      answers.add(QuerySets.titleId(id));
    }
    return new QueryCase(text, answers, type, null, "smoke");
  }

  private static RetrievalScore method(List<RetrievalScore> scores, String name) {
    return scores.stream().filter(s -> s.method().equals(name)).findFirst().orElseThrow();
  }

  /** A catalogue the test writes itself, in the netflix_titles.csv layout, with invented titles. */
  private Path writeTinyCatalogue() throws IOException {
    String header =
        "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,"
            + "listed_in,description\n";
    String[][] rows = {
      {
        "t1",
        "TV Show",
        "Longships",
        "2 Seasons",
        "TV Action & Adventure",
        "Norse raiders sail west to plunder monasteries while their chieftain feuds with a Saxon"
            + " king."
      },
      {
        "t2",
        "TV Show",
        "The Sixty-Four Squares",
        "1 Season",
        "TV Dramas",
        "An orphaned girl discovers a gift for chess and rises through tournaments in the 1960s."
      },
      {
        "t3",
        "Movie",
        "Deep Water Summer",
        "101 min",
        "Thrillers",
        "A great white shark hunts swimmers off a holiday beach while the mayor refuses to close"
            + " it."
      },
      {
        "t4",
        "TV Show",
        "Proving Drawer",
        "3 Seasons",
        "Reality TV",
        "Amateur bakers compete in a tent each week to make cakes, breads and pastries for the"
            + " judges."
      },
      {
        "t5",
        "Movie",
        "Red Dust",
        "118 min",
        "Sci-Fi & Fantasy",
        "After a storm, a crew of astronauts is stranded on Mars and must grow food to survive."
      },
      {
        "t6",
        "Movie",
        "The Ledger",
        "95 min",
        "Dramas",
        "An accountant at a small firm uncovers an embezzlement scheme run by his own manager."
      },
      {
        "t7",
        "TV Show",
        "Night Shift Nurses",
        "4 Seasons",
        "TV Dramas",
        "Nurses at a city hospital juggle emergencies, romance and burnout on the overnight shift."
      },
      {
        "t8",
        "Movie",
        "Paper Kites",
        "88 min",
        "Children & Family Movies",
        "Two brothers build kites to win a village contest and mend their friendship on the way."
      },
      {
        "t9",
        "Movie",
        "Last Train South",
        "104 min",
        "Action & Adventure",
        "A retired soldier must stop armed robbers who have taken over an overnight train."
      },
      {
        "t10",
        "TV Show",
        "Garden Rescue Squad",
        "2 Seasons",
        "Reality TV",
        "Landscapers transform neglected back gardens for families in a single weekend."
      },
      {
        "t11",
        "Movie",
        "Quiet Harbour",
        "97 min",
        "Romantic Movies",
        "A widowed fisherman and a visiting painter fall in love in a small coastal town."
      },
      {
        "t12",
        "Movie",
        "Stand-Up Tonight",
        "62 min",
        "Stand-Up Comedy",
        "A comedian riffs on family holidays, airports and raising teenagers."
      },
      {
        "t13",
        "TV Show",
        "Cold Files",
        "3 Seasons",
        "Crime TV Shows",
        "Detectives reopen unsolved murders from decades ago using new forensic methods."
      },
      {
        "t14",
        "Movie",
        "The Long Climb",
        "110 min",
        "Documentaries",
        "A documentary follows mountaineers attempting a winter ascent of a Himalayan peak."
      },
      {
        "t15",
        "Movie",
        "Pixel Pals",
        "84 min",
        "Children & Family Movies",
        "A boy is pulled into his favourite video game and teams up with its characters."
      },
    };
    StringBuilder csv = new StringBuilder(header);
    for (String[] r : rows) {
      csv.append(r[0])
          .append(',')
          .append(r[1])
          .append(",\"")
          .append(r[2])
          .append("\",,,,,2020,,")
          .append(r[3])
          .append(",\"")
          .append(r[4])
          .append("\",\"")
          .append(r[5])
          .append("\"\n");
    }
    Path file = tmp.resolve("tiny_titles.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }
}
