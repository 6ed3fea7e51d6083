package dev.moviedb.evaluation;

import static dev.moviedb.evaluation.Report.num;

import dev.moviedb.evaluation.FusionEval.AlphaScore;
import dev.moviedb.evaluation.FusionEval.CandidateScore;
import dev.moviedb.evaluation.FusionEval.Style;
import dev.moviedb.evaluation.Metrics.Difference;
import dev.moviedb.evaluation.Report.Table;
import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.vectors.text.DocumentText.Form;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables of the sweeps that choose product defaults, each followed by one sentence naming the
 * value the numbers support. One rule throughout: a default changes only when another value is
 * clearly better (its mean, case by case, more than two standard errors above the current default)
 * and not clearly worse on the other measure; otherwise the current default stays.
 */
final class SweepReport {

  private SweepReport() {}

  // ---- document-text forms ----

  /** A new default form may lose at most this share of the current one's people hit@10. */
  static final double PEOPLE_GUARD = 0.9;

  static void forms(
      Report report,
      List<FormEval.FormScore> scores,
      int labelled,
      int tomt,
      int people,
      String primaryModel) {
    List<List<String>> rows = new ArrayList<>();
    for (FormEval.FormScore s : scores) {
      rows.add(
          List.of(
              "`" + s.form().id() + "`" + (s.form() == Form.DEFAULT ? " (default)" : ""),
              s.model(),
              num(s.labelled().hit1()),
              num(s.labelled().hit10()),
              num(s.labelled().mrr()),
              num(s.tomt().hit1()),
              num(s.tomt().hit10()),
              num(s.tomt().mrr()),
              num(s.people().hit10()),
              num(s.people().mrr()),
              orDash(s.taste(), CaseMetrics::hit10),
              orDash(s.taste(), CaseMetrics::ndcg10)));
    }
    String forms =
        scores.stream()
            .map(FormEval.FormScore::form)
            .distinct()
            .map(f -> "`" + f.id() + "`: " + f.description())
            .collect(Collectors.joining("; "));
    report.table(
        new Table(
            "Document-text forms",
            "Dense retrieval (exact cosine, top 100) with the catalogue embedded in each form of"
                + " `DocumentText.Form` ("
                + forms
                + "). Same "
                + labelled
                + " labelled requests (with their filters) and "
                + tomt
                + " TOMT posts as above; the default form's rows repeat the shipped-ranking rows above."
                + " \"people\": "
                + people
                + " generated requests by person (\"a movie starring <lead actor>\", \"a series"
                + " directed by <director>\", half each, from titles drawn at random; accepted:"
                + " every title with that person among its leading 5 cast or its directors),"
                + " which neither real set asks. \"taste\": the MovieLens taste ranking of the"
                + " section below (held-out liked titles, negative share "
                + share(TasteEval.NEGATIVE_SHARE)
                + ") over each form's vectors, since the text also shapes how alike two titles"
                + " are. The netflix_titles.csv catalogue has no other names, so the forms' \"Also"
                + " known as\" part is not measured here. Rule for the default: a form replaces it"
                + " when its TOMT MRR is clearly higher (paired, over two standard errors), its"
                + " labelled MRR is not lower, it keeps at least "
                + Math.round(PEOPLE_GUARD * 100)
                + " % of the default's people hit@10, and its taste hit@10 and nDCG@10 are not"
                + " clearly lower.",
            List.of(
                "form",
                "model",
                "labelled hit@1",
                "labelled hit@10",
                "labelled MRR",
                "TOMT hit@1",
                "TOMT hit@10",
                "TOMT MRR",
                "people hit@10",
                "people MRR",
                "taste hit@10",
                "taste nDCG@10"),
            rows));
    report.decision(formChoice(scores, primaryModel));
  }

  /** Whether {@code candidate} would replace {@code current} under the rule in the table note. */
  static boolean replaces(FormEval.FormScore candidate, FormEval.FormScore current) {
    Difference tomt = Metrics.paired(candidate.tomt().rr, current.tomt().rr);
    Difference tasteHit = Metrics.paired(candidate.taste().hit10, current.taste().hit10);
    Difference tasteNdcg = Metrics.paired(candidate.taste().ndcg10, current.taste().ndcg10);
    return candidate != current
        && tomt.isClear()
        && tomt.mean() > 0
        && candidate.labelled().mrr() >= current.labelled().mrr()
        && candidate.people().hit10() >= PEOPLE_GUARD * current.people().hit10()
        && !(tasteHit.isClear() && tasteHit.mean() < 0)
        && !(tasteNdcg.isClear() && tasteNdcg.mean() < 0);
  }

  private static String orDash(
      CaseMetrics metrics, java.util.function.ToDoubleFunction<CaseMetrics> value) {
    return metrics.cases() == 0 ? "-" : num(value.applyAsDouble(metrics));
  }

  static String formChoice(List<FormEval.FormScore> scores, String model) {
    List<FormEval.FormScore> mine = scores.stream().filter(s -> s.model().equals(model)).toList();
    FormEval.FormScore current =
        mine.stream().filter(s -> s.form() == Form.DEFAULT).findFirst().orElse(null);
    if (current == null || current.tomt().cases() == 0) {
      return "**Document-text form**: `"
          + Form.DEFAULT.id()
          + "` (not compared: the default form or TOMT was not evaluated with "
          + model
          + ").";
    }
    FormEval.FormScore replacement =
        mine.stream()
            .filter(s -> replaces(s, current))
            .max(Comparator.comparingDouble(s -> s.tomt().mrr()))
            .orElse(null);
    StringBuilder text = new StringBuilder("**Document-text form**: `");
    if (replacement != null) {
      text.append(replacement.form().id())
          .append("` should replace `")
          .append(current.form().id())
          .append("` as `DocumentText.Form.DEFAULT` (a change re-embeds the catalogue): with ")
          .append(model)
          .append(", ")
          .append(against(replacement, current))
          .append('.');
      return text.toString();
    }
    text.append(current.form().id())
        .append("` (`DocumentText.Form.DEFAULT`) stays: with ")
        .append(model)
        .append(", no other form passes the rule");
    FormEval.FormScore bestTomt =
        mine.stream().max(Comparator.comparingDouble(s -> s.tomt().mrr())).orElseThrow();
    if (bestTomt != current) {
      text.append(" (best TOMT MRR: `")
          .append(bestTomt.form().id())
          .append("`, ")
          .append(against(bestTomt, current))
          .append(')');
    }
    FormEval.FormScore full =
        mine.stream().filter(s -> s.form() == Form.FULL).findFirst().orElse(null);
    if (full != null && full != current) {
      text.append("; against `full`, the form the worker embedded before this comparison, `")
          .append(current.form().id())
          .append("` ")
          .append(replaces(current, full) ? "passes" : "does not pass")
          .append(" it: ")
          .append(against(current, full));
    }
    return text.append('.').toString();
  }

  /**
   * "TOMT MRR a against b (paired difference d ± se SE), labelled ..., people hit@10 ..., taste
   * hit@10 ...".
   */
  private static String against(FormEval.FormScore form, FormEval.FormScore base) {
    String text =
        String.format(
            Locale.ROOT,
            "TOMT MRR %s against %s (paired difference %s over %d posts), labelled MRR %s"
                + " against %s, people hit@10 %s against %s",
            num(form.tomt().mrr()),
            num(base.tomt().mrr()),
            signed(Metrics.paired(form.tomt().rr, base.tomt().rr)),
            form.tomt().cases(),
            num(form.labelled().mrr()),
            num(base.labelled().mrr()),
            num(form.people().hit10()),
            num(base.people().hit10()));
    if (form.taste().cases() == 0) {
      return text;
    }
    return text
        + String.format(
            Locale.ROOT,
            ", taste hit@10 %s against %s (%s) and nDCG@10 %s against %s (%s) over %d users",
            num(form.taste().hit10()),
            num(base.taste().hit10()),
            signed(Metrics.paired(form.taste().hit10, base.taste().hit10)),
            num(form.taste().ndcg10()),
            num(base.taste().ndcg10()),
            signed(Metrics.paired(form.taste().ndcg10, base.taste().ndcg10)),
            form.taste().cases());
  }

  // ---- aspect vectors ----

  static void aspects(
      Report report,
      List<AspectEval.AspectScore> scores,
      int labelled,
      int tomt,
      int people,
      String primaryModel) {
    List<List<String>> rows = new ArrayList<>();
    for (AspectEval.AspectScore s : scores) {
      AspectEval.AspectScore base = aspectDefault(scores, s.model());
      rows.add(
          List.of(
              s.variant().id + (s.variant() == AspectEval.Variant.DEFAULT ? " (current)" : ""),
              s.model(),
              num(s.labelled().hit10()),
              num(s.labelled().mrr()),
              num(s.tomt().hit10()),
              num(s.tomt().mrr()),
              base == null || s == base ? "-" : signed(Metrics.paired(s.tomt().rr, base.tomt().rr)),
              num(s.people().hit10())));
    }
    String variants =
        java.util.Arrays.stream(AspectEval.Variant.values())
            .map(v -> v.id + ": " + v.description)
            .collect(Collectors.joining("; "));
    report.table(
        new Table(
            "Aspect vectors (a plot vector beside the default one)",
            "Every title embedded twice, in the default form `"
                + Form.DEFAULT.id()
                + "` and in `"
                + AspectEval.PLOT.id()
                + "` (the plot aspect), as two named vectors (Qdrant) or two vector fields"
                + " (Lucene) would hold them; each request is read as recommend-api reads it (its"
                + " filters and request vector) and the catalogue ranked by exact cosine, top "
                + QueryEval.DEPTH
                + ", over one vector or both ("
                + variants
                + "). Exact cosine alone, without the shipped ranking's popularity, co-watch and"
                + " one title per franchise, so the \"default\" row differs a little from the"
                + " shipped-ranking rows above; every variant is ranked the same way. Same "
                + labelled
                + " labelled requests, "
                + tomt
                + " TOMT posts and "
                + people
                + " requests by person as the forms above. \"TOMT MRR - default\": the paired"
                + " difference ± its standard error. Taste is not measured: a taste would keep"
                + " ranking over the default vector. Rule: a variant replaces the single vector"
                + " when its TOMT MRR is clearly higher (paired, over two standard errors), its"
                + " labelled MRR is not lower and it keeps at least "
                + Math.round(PEOPLE_GUARD * 100)
                + " % of the default's people hit@10.",
            List.of(
                "ranking",
                "model",
                "labelled hit@10",
                "labelled MRR",
                "TOMT hit@10",
                "TOMT MRR",
                "TOMT MRR - default",
                "people hit@10"),
            rows));
    report.decision(aspectChoice(scores, primaryModel));
  }

  private static AspectEval.AspectScore aspectDefault(
      List<AspectEval.AspectScore> scores, String model) {
    return scores.stream()
        .filter(s -> s.model().equals(model) && s.variant() == AspectEval.Variant.DEFAULT)
        .findFirst()
        .orElse(null);
  }

  /** What keeps {@code candidate} from replacing {@code base} under the rule; empty when none. */
  static List<String> aspectShortfalls(
      AspectEval.AspectScore candidate, AspectEval.AspectScore base) {
    List<String> out = new ArrayList<>();
    Difference tomt = Metrics.paired(candidate.tomt().rr, base.tomt().rr);
    if (!(tomt.isClear() && tomt.mean() > 0)) {
      out.add("its TOMT MRR is not clearly higher");
    }
    if (candidate.labelled().mrr() < base.labelled().mrr()) {
      out.add("its labelled MRR is lower");
    }
    if (candidate.people().hit10() < PEOPLE_GUARD * base.people().hit10()) {
      out.add(
          "it keeps "
              + Math.round(
                  100 * candidate.people().hit10() / Math.max(1e-12, base.people().hit10()))
              + " % of the people hit@10");
    }
    return out;
  }

  static String aspectChoice(List<AspectEval.AspectScore> scores, String model) {
    AspectEval.AspectScore base = aspectDefault(scores, model);
    if (base == null || base.tomt().cases() == 0) {
      return "**Aspect vectors**: one vector per title (not compared: TOMT was not evaluated with "
          + model
          + ").";
    }
    List<AspectEval.AspectScore> others =
        scores.stream().filter(s -> s.model().equals(model) && s != base).toList();
    AspectEval.AspectScore winner =
        others.stream()
            .filter(s -> aspectShortfalls(s, base).isEmpty())
            .max(Comparator.comparingDouble(s -> s.tomt().mrr()))
            .orElse(null);
    if (winner != null) {
      return "**Aspect vectors**: ranking over both vectors by "
          + winner.variant().id
          + " ("
          + winner.variant().description
          + ") passes the rule with "
          + model
          + ": "
          + aspectAgainst(winner, base)
          + ". Shipping it needs a second vector per title (`"
          + AspectEval.PLOT.id()
          + "`) in the embedding worker and both indexes; that product side is not built.";
    }
    AspectEval.AspectScore bestTomt =
        others.stream().max(Comparator.comparingDouble(s -> s.tomt().mrr())).orElse(null);
    StringBuilder text =
        new StringBuilder("**Aspect vectors**: one vector per title (`")
            .append(Form.DEFAULT.id())
            .append("`) stays: with ")
            .append(model)
            .append(", no ranking over a `")
            .append(AspectEval.PLOT.id())
            .append("` vector passes the rule");
    if (bestTomt != null) {
      text.append(" (best TOMT MRR: ")
          .append(bestTomt.variant().id)
          .append(", ")
          .append(aspectAgainst(bestTomt, base))
          .append("; ")
          .append(String.join(", ", aspectShortfalls(bestTomt, base)))
          .append(')');
    }
    return text.append('.').toString();
  }

  private static String aspectAgainst(AspectEval.AspectScore s, AspectEval.AspectScore base) {
    return String.format(
        Locale.ROOT,
        "TOMT MRR %s against %s (paired difference %s over %d posts), labelled MRR %s against"
            + " %s, people hit@10 %s against %s",
        num(s.tomt().mrr()),
        num(base.tomt().mrr()),
        signed(Metrics.paired(s.tomt().rr, base.tomt().rr)),
        s.tomt().cases(),
        num(s.labelled().mrr()),
        num(base.labelled().mrr()),
        num(s.people().hit10()),
        num(base.people().hit10()));
  }

  // ---- collective signals ----

  /**
   * The co-watch share and popularity weight sweep with its choice: the combination with the best
   * nDCG@10 for the primary model, against the current defaults and against popularity alone.
   */
  static void collective(Report report, TasteEval.Result r, String primaryModel) {
    double currentC = RankingSettings.DEFAULTS.collaborative();
    double currentP = RankingSettings.DEFAULTS.popularity();
    List<List<String>> rows = new ArrayList<>();
    for (TasteEval.CollectiveScore c : r.collective()) {
      boolean current = c.collaborative() == currentC && c.popularity() == currentP;
      rows.add(
          List.of(
              c.model(),
              share(c.collaborative()),
              share(c.popularity()) + (current ? " (current)" : ""),
              num(c.metrics().hit10()),
              num(c.metrics().ndcg10()),
              num(c.metrics().mrr())));
    }
    report.table(
        new Table(
            "Collective signals: co-watch share and popularity weight (recommend-api"
                + " `collaborative`, `popularity`)",
            "The held-out protocol above, no words: the shipped ranking of each user's training"
                + " ratings, with what everyone watches computed from every user's training"
                + " ratings (co-watch partners by cosine, popularity as log(1 + viewers),"
                + " both calibrated over the candidates). The user's part splits into taste"
                + " (1 - collaborative) and co-watch (collaborative); popularity is a prior beside"
                + " it. MRR within the 10 shown. Popularity alone (training ratings):"
                + " hit@10 "
                + num(r.popularityBaseline().hit10())
                + ", nDCG@10 "
                + num(r.popularityBaseline().ndcg10())
                + ".",
            List.of("model", "collaborative", "popularity", "hit@10", "nDCG@10", "MRR"),
            rows));
    List<TasteEval.CollectiveScore> mine =
        r.collective().stream().filter(c -> c.model().equals(primaryModel)).toList();
    if (mine.isEmpty()) {
      return;
    }
    TasteEval.CollectiveScore best =
        mine.stream()
            .max(
                Comparator.comparingDouble((TasteEval.CollectiveScore c) -> c.metrics().ndcg10())
                    .thenComparingDouble(c -> c.metrics().hit10()))
            .orElseThrow();
    TasteEval.CollectiveScore current =
        mine.stream()
            .filter(c -> c.collaborative() == currentC && c.popularity() == currentP)
            .findFirst()
            .orElse(best);
    report.decision(
        String.format(
            Locale.ROOT,
            "**Collective signals**: with %s the best nDCG@10 is at collaborative %s, popularity %s"
                + " (hit@10 %s, nDCG@10 %s: %.2fx and %.2fx popularity alone); the current"
                + " defaults (collaborative %s, popularity %s) give hit@10 %s, nDCG@10 %s (%.2fx"
                + " and %.2fx), paired difference best - current: hit@10 %s, nDCG@10 %s.",
            primaryModel,
            share(best.collaborative()),
            share(best.popularity()),
            num(best.metrics().hit10()),
            num(best.metrics().ndcg10()),
            best.metrics().hit10() / r.popularityBaseline().hit10(),
            best.metrics().ndcg10() / r.popularityBaseline().ndcg10(),
            share(currentC),
            share(currentP),
            num(current.metrics().hit10()),
            num(current.metrics().ndcg10()),
            current.metrics().hit10() / r.popularityBaseline().hit10(),
            current.metrics().ndcg10() / r.popularityBaseline().ndcg10(),
            signed(Metrics.paired(best.metrics().hit10, current.metrics().hit10)),
            signed(Metrics.paired(best.metrics().ndcg10, current.metrics().ndcg10))));
  }

  // ---- negative share ----

  static void negativeShares(Report report, TasteEval.Result r, String primaryModel) {
    List<List<String>> rows = new ArrayList<>();
    for (TasteEval.ShareScore s : r.negativeShares()) {
      rows.add(
          List.of(
              s.model(),
              share(s.share()) + (s.share() == TasteEval.NEGATIVE_SHARE ? " (current)" : ""),
              String.valueOf(s.metrics().cases()),
              num(s.metrics().hit10()),
              num(s.metrics().ndcg10()),
              num(s.metrics().mrr())));
    }
    report.table(
        new Table(
            "Negative share (recommend-api `negativeShare`)",
            String.format(
                Locale.ROOT,
                "The held-out protocol above; the taste is normalise(sum sqrt(p) v over positive"
                    + " titles) - share * normalise(sum sqrt(n) v over disliked titles), disliked"
                    + " = training ratings <= 2. %d of the %d scored users have a disliked"
                    + " training title; the others rank identically at every share. MRR: first"
                    + " held-out liked title within the top 100.",
                r.usersWithDislike(),
                r.evaluatedUsers()),
            List.of("model", "negative share", "users", "hit@10", "nDCG@10", "MRR"),
            rows));
    report.decision(shareChoice(r.negativeShares(), primaryModel));
  }

  static String shareChoice(List<TasteEval.ShareScore> scores, String model) {
    List<TasteEval.ShareScore> mine = scores.stream().filter(s -> s.model().equals(model)).toList();
    TasteEval.ShareScore current =
        mine.stream().filter(s -> s.share() == TasteEval.NEGATIVE_SHARE).findFirst().orElse(null);
    if (current == null) {
      return "**Negative share**: not measured with " + model + ".";
    }
    TasteEval.ShareScore chosen = current;
    TasteEval.ShareScore closest = null;
    double closestStrength = Double.NEGATIVE_INFINITY;
    List<Difference> closestDiffs = List.of();
    for (TasteEval.ShareScore s : mine) {
      if (s == current) {
        continue;
      }
      List<Difference> diffs = shareDiffs(s, current);
      if (clearlyBetter(diffs)
          && (chosen == current || s.metrics().hit10() > chosen.metrics().hit10())) {
        chosen = s;
      }
      double strength = diffs.stream().mapToDouble(SweepReport::strength).sum();
      if (strength > closestStrength) {
        closest = s;
        closestStrength = strength;
        closestDiffs = diffs;
      }
    }
    String base =
        String.format(
            Locale.ROOT,
            "At the current %s, %s has hit@10 %s, nDCG@10 %s, MRR %s over %d users",
            share(current.share()),
            model,
            num(current.metrics().hit10()),
            num(current.metrics().ndcg10()),
            num(current.metrics().mrr()),
            current.metrics().cases());
    if (closest == null) {
      return "**Negative share**: " + share(current.share()) + ". " + base + ".";
    }
    List<Difference> shown = chosen == current ? closestDiffs : shareDiffs(chosen, current);
    TasteEval.ShareScore other = chosen == current ? closest : chosen;
    return String.format(
        Locale.ROOT,
        "**Negative share**: %s. %s; %s %s changes them by hit@10 %s, nDCG@10 %s,"
            + " MRR %s (paired), so %s.",
        share(chosen.share()),
        base,
        chosen == current ? "the strongest alternative, share" : "share",
        share(other.share()),
        signed(shown.get(0)),
        signed(shown.get(1)),
        signed(shown.get(2)),
        chosen == current
            ? verdict(shown, "measure", share(other.share()), share(current.share()))
            : share(chosen.share()) + " replaces the default");
  }

  private static List<Difference> shareDiffs(TasteEval.ShareScore s, TasteEval.ShareScore current) {
    return List.of(
        Metrics.paired(s.metrics().hit10, current.metrics().hit10),
        Metrics.paired(s.metrics().ndcg10, current.metrics().ndcg10),
        Metrics.paired(s.metrics().rr, current.metrics().rr));
  }

  /** Mean over standard error (0 when there is no spread and no difference). */
  private static double strength(Difference d) {
    return d.standardError() == 0 ? Math.signum(d.mean()) * 10 : d.mean() / d.standardError();
  }

  /**
   * Why an alternative does or does not replace the current default, from its differences (each
   * "alternative minus current").
   */
  static String verdict(List<Difference> diffs, String what, String alternative, String current) {
    boolean gain = diffs.stream().anyMatch(d -> d.isClear() && d.mean() > 0);
    boolean loss = diffs.stream().anyMatch(d -> d.isClear() && d.mean() < 0);
    if (gain && !loss) {
      return alternative + " replaces " + current;
    }
    if (gain) {
      return alternative
          + " is clearly better on one "
          + what
          + " but clearly worse on another, and "
          + current
          + " stays";
    }
    if (loss) {
      return alternative + " is clearly worse on a " + what + ", and " + current + " stays";
    }
    return "every difference is within two standard errors, and " + current + " stays";
  }

  // ---- fusion: alpha, calibration, candidates ----

  /** The alpha and calibration tables with their choices; returns the recommended alpha. */
  static double alpha(Report report, FusionEval fusion, List<AlphaScore> alphas, String model) {
    String protocol =
        String.format(
            Locale.ROOT,
            "Our protocol for combined requests: for each of the %d scored users above and each of"
                + " their held-out liked titles T (%d requests per model and style), the request's"
                + " query is generated from T's catalogue metadata only, in two styles (genre: %s;"
                + " plot: %s), and the taste is the state the user's training ratings make. The"
                + " shipped ranking (recommend-api's ranking module over its vector store, its"
                + " defaults but alpha: negative share %s, %d candidates per source, z-scores"
                + " against a random sample of %d catalogue titles, one title per franchise,"
                + " diversity %s) returns the 10 titles the user would see: alpha * z(cos(query,"
                + " title)) + (1 - alpha) * z(cos(taste, title)); the user's training titles are"
                + " watched, so never shown. hit@10 and MRR (within those 10) are of T alone, so"
                + " other good titles count as misses and the numbers are low by construction."
                + " \"raw\" adds the two cosines without calibration.",
            fusion.users(),
            fusion.requests(),
            Style.GENRE.description,
            Style.PLOT.description,
            share(RankingSettings.DEFAULTS.negativeShare()),
            RankingSettings.DEFAULTS.candidates(),
            RankingSettings.DEFAULTS.calibrationSample(),
            share(RankingSettings.DEFAULTS.diversity()));
    List<List<String>> rows = new ArrayList<>();
    for (AlphaScore a : alphas) {
      rows.add(
          List.of(
              a.model(),
              a.style().id,
              share(a.alpha()) + (a.alpha() == FusionEval.CURRENT_ALPHA ? " (current)" : ""),
              num(a.calibrated().hit10()),
              num(a.calibrated().mrr()),
              num(a.raw().hit10()),
              num(a.raw().mrr())));
    }
    report.table(
        new Table(
            "Fusion weight alpha (recommend-api `alpha`)",
            protocol,
            List.of("model", "request", "alpha", "hit@10", "MRR", "hit@10 raw", "MRR raw"),
            rows));
    double alpha = alphaChoice(alphas, model, report);

    List<List<String>> cal = new ArrayList<>();
    for (AlphaScore a : alphas) {
      if (a.alpha() != alpha) {
        continue;
      }
      AlphaScore bestRaw =
          alphas.stream()
              .filter(b -> b.model().equals(a.model()) && b.style() == a.style())
              .max(Comparator.comparingDouble(b -> b.raw().mrr()))
              .orElseThrow();
      cal.add(
          List.of(
              a.model(),
              a.style().id,
              num(a.calibrated().hit10()),
              num(a.raw().hit10()),
              num(a.calibrated().mrr()),
              num(a.raw().mrr()),
              share(bestRaw.alpha()) + " (" + num(bestRaw.raw().mrr()) + ")"));
    }
    report.table(
        new Table(
            "Calibration (z-scores on or off) at alpha " + share(alpha),
            "z-scores against raw cosine addition at the recommended alpha, from the table"
                + " above. The last column is the raw alpha with the best MRR: without calibration"
                + " the same alpha weighs the two sources differently, because their cosines"
                + " spread differently.",
            List.of(
                "model",
                "request",
                "hit@10 z",
                "hit@10 raw",
                "MRR z",
                "MRR raw",
                "best raw alpha (MRR)"),
            cal));
    report.decision(calibrationChoice(alphas, model, alpha));
    return alpha;
  }

  static void candidates(Report report, List<CandidateScore> scores, double alpha, String model) {
    List<List<String>> rows = new ArrayList<>();
    for (CandidateScore c : scores) {
      rows.add(
          List.of(
              c.model(),
              c.style().id,
              c.candidates()
                  + (c.candidates() == FusionEval.CURRENT_CANDIDATES ? " (current)" : ""),
              num(Metrics.mean(c.identical())),
              num(Metrics.mean(c.recall10())),
              num(Metrics.mean(c.recall30())),
              String.format(Locale.ROOT, "%.0f", Metrics.mean(c.unionSize())),
              num(Metrics.mean(c.finalHit10()))));
    }
    report.table(
        new Table(
            "Candidate count (recommend-api `candidates`) at alpha " + share(alpha),
            "The ranking fetches candidates + limit (10) + watched-count nearest titles per"
                + " source (query, taste) and ranks only their union. Measured with the words and"
                + " the taste alone (co-watch and popularity off: they bring candidates of their"
                + " own, and are spread over the candidates, so the union would change them). Against the same ranking"
                + " with every title a candidate: the share of requests whose top 10 (diversity"
                + " 0) is identical, the mean share of that top 10 and top 30 that the union"
                + " keeps, and the union's mean size. The last column is hit@10 of T in the"
                + " list recommend-api returns at its default diversity "
                + share(RankingSettings.DEFAULTS.diversity())
                + ": MMR over the best titles of the union, whose relevance is min-max"
                + " normalised over those, so the candidate count can change that list even when"
                + " the top 10 is identical. Exact nearest neighbours here (the embedded index's"
                + " scan); an approximate index can only lose more.",
            List.of(
                "model",
                "request",
                "candidates",
                "top 10 identical",
                "recall of top 10",
                "recall of top 30",
                "union size",
                "final list hit@10"),
            rows));
    report.decision(candidateChoice(scores, model, alpha));
  }

  /** Writes the alpha sentence and returns the recommended alpha. */
  static double alphaChoice(List<AlphaScore> alphas, String model, Report report) {
    Function<Double, List<AlphaScore>> at =
        alpha ->
            alphas.stream().filter(a -> a.model().equals(model) && a.alpha() == alpha).toList();
    List<AlphaScore> current = at.apply(FusionEval.CURRENT_ALPHA);
    if (current.isEmpty() || current.get(0).calibrated().cases() == 0) {
      report.decision("**Alpha**: not measured with " + model + "; the current default stays.");
      return FusionEval.CURRENT_ALPHA;
    }
    double[] bestMrr = new double[Style.values().length];
    double[] bestAlpha = new double[Style.values().length];
    for (AlphaScore a : alphas) {
      if (a.model().equals(model) && a.calibrated().mrr() > bestMrr[a.style().ordinal()]) {
        bestMrr[a.style().ordinal()] = a.calibrated().mrr();
        bestAlpha[a.style().ordinal()] = a.alpha();
      }
    }
    // The alpha whose worst relative MRR loss against each style's own best alpha is smallest.
    double candidate = FusionEval.CURRENT_ALPHA;
    double candidateLoss = worstLoss(current, bestMrr);
    for (double alpha : FusionEval.ALPHAS) {
      double loss = worstLoss(at.apply(alpha), bestMrr);
      if (loss < candidateLoss - 1e-12) {
        candidate = alpha;
        candidateLoss = loss;
      }
    }
    StringBuilder text = new StringBuilder();
    String head =
        String.format(
            Locale.ROOT,
            "With %s the best alpha per request style is %s; the alpha that loses least against"
                + " both is %s (at most %.0f %% of MRR)",
            model,
            bestPerStyle(bestAlpha, bestMrr),
            share(candidate),
            100 * candidateLoss);
    double chosen = FusionEval.CURRENT_ALPHA;
    if (candidate == FusionEval.CURRENT_ALPHA) {
      text.append(head).append(", the current default.");
    } else {
      List<AlphaScore> best = at.apply(candidate);
      List<Difference> diffs = new ArrayList<>();
      for (int s = 0; s < best.size(); s++) {
        diffs.add(Metrics.paired(best.get(s).calibrated().rr, current.get(s).calibrated().rr));
      }
      boolean change = clearlyBetter(diffs);
      chosen = change ? candidate : FusionEval.CURRENT_ALPHA;
      text.append(head)
          .append(
              String.format(
                  Locale.ROOT,
                  "; the current %s loses at most %.0f %%. Alpha %s against %s, MRR difference"
                      + " per request (paired): %s, so %s.",
                  share(FusionEval.CURRENT_ALPHA),
                  100 * worstLoss(current, bestMrr),
                  share(candidate),
                  share(FusionEval.CURRENT_ALPHA),
                  perStyle(best, diffs),
                  verdict(
                      diffs, "request style", share(candidate), share(FusionEval.CURRENT_ALPHA))));
    }
    report.decision("**Alpha**: " + share(chosen) + ". " + text);
    return chosen;
  }

  private static double worstLoss(List<AlphaScore> scores, double[] bestMrr) {
    double worst = 0;
    for (AlphaScore a : scores) {
      double best = bestMrr[a.style().ordinal()];
      if (best > 0) {
        worst = Math.max(worst, (best - a.calibrated().mrr()) / best);
      }
    }
    return worst;
  }

  static String calibrationChoice(List<AlphaScore> alphas, String model, double alpha) {
    List<AlphaScore> at =
        alphas.stream().filter(a -> a.model().equals(model) && a.alpha() == alpha).toList();
    if (at.isEmpty()) {
      return "**Calibration**: on (not measured with " + model + ").";
    }
    List<Difference> rawMinusZ = new ArrayList<>();
    List<Difference> zMinusRaw = new ArrayList<>();
    for (AlphaScore a : at) {
      rawMinusZ.add(Metrics.paired(a.raw().rr, a.calibrated().rr));
      zMinusRaw.add(Metrics.paired(a.calibrated().rr, a.raw().rr));
    }
    boolean off = clearlyBetter(rawMinusZ);
    return String.format(
        Locale.ROOT,
        "**Calibration**: %s. At alpha %s with %s, MRR with z-scores minus MRR with raw cosines,"
            + " per request (paired): %s, so %s.",
        off ? "off" : "on",
        share(alpha),
        model,
        perStyle(at, zMinusRaw),
        off
            ? "raw addition is clearly better and calibration should go"
            : clearlyBetter(zMinusRaw)
                ? "calibration is clearly better and stays"
                : "neither is clearly better, and calibration stays because it keeps alpha's"
                    + " meaning independent of the two scores' spreads");
  }

  /** Share of requests whose top 10 must equal the full scan's for a candidate count to do. */
  static final double IDENTICAL_ENOUGH = 0.995;

  static String candidateChoice(List<CandidateScore> scores, String model, double alpha) {
    List<CandidateScore> mine = scores.stream().filter(c -> c.model().equals(model)).toList();
    if (mine.isEmpty()) {
      return "**Candidates**: " + FusionEval.CURRENT_CANDIDATES + " (not measured).";
    }
    int largest = FusionEval.CANDIDATES[FusionEval.CANDIDATES.length - 1];
    Function<Integer, List<CandidateScore>> at =
        count -> mine.stream().filter(c -> c.candidates() == count).toList();
    // The smallest count that reproduces the full scan's top 10 in at least 99.5 % of requests and
    // whose final list finds T as often as the largest count's (no clear loss, paired): every
    // doubling of the count doubles the titles scored per request.
    int chosen = largest;
    for (int count : FusionEval.CANDIDATES) {
      List<CandidateScore> here = at.apply(count);
      List<CandidateScore> top = at.apply(largest);
      boolean identical =
          here.stream().allMatch(c -> Metrics.mean(c.identical()) >= IDENTICAL_ENOUGH);
      boolean noLoss = true;
      for (int s = 0; s < here.size(); s++) {
        Difference d = Metrics.paired(here.get(s).finalHit10(), top.get(s).finalHit10());
        noLoss &= !(d.isClear() && d.mean() < 0);
      }
      if (identical && noLoss) {
        chosen = count;
        break;
      }
    }
    List<String> smaller = new ArrayList<>();
    for (int count : FusionEval.CANDIDATES) {
      if (count >= chosen) {
        break;
      }
      String differing =
          at.apply(count).stream()
              .map(
                  c ->
                      String.format(
                          Locale.ROOT,
                          "%s %d of %d",
                          c.style().id,
                          Math.round(c.identical().size() * (1 - Metrics.mean(c.identical()))),
                          c.identical().size()))
              .collect(Collectors.joining(", "));
      String finalHit =
          at.apply(count).stream()
              .map(c -> c.style().id + " " + num(Metrics.mean(c.finalHit10())))
              .collect(Collectors.joining(", "));
      smaller.add(
          count
              + (count == FusionEval.CURRENT_CANDIDATES ? " (current)" : "")
              + ": top 10 differs in "
              + differing
              + " requests, final list hit@10 "
              + finalHit);
    }
    String finalAtChosen =
        at.apply(chosen).stream()
            .map(c -> c.style().id + " " + num(Metrics.mean(c.finalHit10())))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "**Candidates**: %d, the smallest measured count whose candidate union gives, with %s at"
            + " alpha %s, the full scan's top 10 in at least 99.5 %% of requests and a final list"
            + " that finds the held-out title as often as the largest count (final list hit@10"
            + " %s)%s.",
        chosen,
        model,
        share(alpha),
        finalAtChosen,
        smaller.isEmpty() ? "" : "; smaller counts lose a little: " + String.join("; ", smaller));
  }

  // ---- helpers ----

  /** Some difference clearly positive, none clearly negative. */
  static boolean clearlyBetter(List<Difference> diffs) {
    boolean anyGain = diffs.stream().anyMatch(d -> d.isClear() && d.mean() > 0);
    boolean anyLoss = diffs.stream().anyMatch(d -> d.isClear() && d.mean() < 0);
    return anyGain && !anyLoss;
  }

  private static String bestPerStyle(double[] alpha, double[] mrr) {
    List<String> parts = new ArrayList<>();
    for (Style s : Style.values()) {
      parts.add(s.id + " " + share(alpha[s.ordinal()]) + " (MRR " + num(mrr[s.ordinal()]) + ")");
    }
    return String.join(", ", parts);
  }

  private static String perStyle(List<AlphaScore> scores, List<Difference> diffs) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      parts.add(scores.get(i).style().id + " " + signed(diffs.get(i)));
    }
    return String.join(", ", parts);
  }

  /** "+0.012 ± 0.005 SE". */
  static String signed(Difference d) {
    return String.format(Locale.ROOT, "%+.3f ± %.3f SE", d.mean(), d.standardError());
  }

  static String share(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }
}
