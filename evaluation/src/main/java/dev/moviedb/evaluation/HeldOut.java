package dev.moviedb.evaluation;

import dev.moviedb.evaluation.MovieLens.Rating;
import dev.moviedb.events.Signal;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.tastestate.Contribution;
import dev.moviedb.tastestate.Side;
import dev.moviedb.tastestate.SignalWeights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The MovieLens held-out protocol shared by the taste and fusion evaluations: ratings of titles in
 * the catalogue; per user with at least {@link #MIN_RATINGS} of them, the oldest 80 % train and the
 * newest 20 % are held out; users in id order, up to a limit, each needing at least one held-out
 * title rated >= 4 that is not also a training title.
 */
final class HeldOut {

  static final int MIN_RATINGS = 10;
  static final double HOLD_OUT = 0.2;
  static final double LIKED_RATING = 4;
  static final double DISLIKED_RATING = 2;

  /**
   * One scored user: training ratings, their catalogue positions, the held-out liked titles
   * (positions, oldest rating first, each once), and the taste state the training ratings make.
   */
  record User(
      int userId,
      List<Rating> train,
      Set<Integer> trainTitles,
      List<Integer> liked,
      TasteWeights taste) {

    /** Whether a training rating is a dislike (a negative taste signal). */
    boolean hasDislike() {
      return train.stream().anyMatch(r -> signal(r.rating()) == Signal.DISLIKED);
    }
  }

  /**
   * The users to score, what was left out on the way, title popularity (training ratings of every
   * user with a split, scored or not), and every user's training ratings (what everyone watched:
   * the collective signals' input).
   */
  record Protocol(
      int linkedRatings,
      int ratedUsers,
      int eligibleUsers,
      int skippedNoHeldOutLike,
      double[] popularity,
      List<User> users,
      List<List<Rating>> training) {}

  private HeldOut() {}

  static Protocol of(Catalogue catalogue, List<Rating> allRatings, int maxUsers) {
    List<Rating> ratings =
        allRatings.stream().filter(r -> catalogue.indexOf(r.titleId()) >= 0).toList();
    Map<Integer, List<Rating>> byUser = new TreeMap<>();
    ratings.forEach(r -> byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r));

    double[] popularity = new double[catalogue.size()];
    List<Split> eligible = new ArrayList<>();
    List<List<Rating>> training = new ArrayList<>();
    for (var e : byUser.entrySet()) {
      Split s = split(e.getKey(), e.getValue());
      training.add(s.train());
      s.train().forEach(r -> popularity[catalogue.indexOf(r.titleId())]++);
      if (!s.test().isEmpty()) {
        eligible.add(s);
      }
    }

    List<User> users = new ArrayList<>();
    int noLike = 0;
    for (Split s : eligible) {
      if (users.size() >= maxUsers) {
        break;
      }
      Set<Integer> trainTitles = new HashSet<>();
      s.train().forEach(r -> trainTitles.add(catalogue.indexOf(r.titleId())));
      Set<Integer> liked = new LinkedHashSet<>();
      s.test().stream()
          .filter(r -> r.rating() >= LIKED_RATING)
          .forEach(r -> liked.add(catalogue.indexOf(r.titleId())));
      liked.removeAll(trainTitles);
      if (liked.isEmpty()) {
        noLike++;
        continue;
      }
      users.add(
          new User(
              s.userId(),
              s.train(),
              Set.copyOf(trainTitles),
              List.copyOf(liked),
              taste(s.train())));
    }
    return new Protocol(
        ratings.size(),
        byUser.size(),
        eligible.size(),
        noLike,
        popularity,
        List.copyOf(users),
        List.copyOf(training));
  }

  private record Split(int userId, List<Rating> train, List<Rating> test) {}

  /** Oldest 80 % train, newest 20 % test; test empty below {@link #MIN_RATINGS} ratings. */
  private static Split split(int userId, List<Rating> ratings) {
    List<Rating> sorted =
        ratings.stream()
            .sorted(Comparator.comparingLong(Rating::timestamp).thenComparingInt(Rating::movieId))
            .toList();
    if (sorted.size() < MIN_RATINGS) {
      return new Split(userId, sorted, List.of());
    }
    int test = (int) Math.max(1, Math.round(sorted.size() * HOLD_OUT));
    int cut = sorted.size() - test;
    return new Split(userId, sorted.subList(0, cut), sorted.subList(cut, sorted.size()));
  }

  /**
   * Training ratings as the taste state the taste service keeps: each rating a signal weighed by
   * the taste service's own {@link SignalWeights} (>= 4 LIKED, <= 2 DISLIKED, else WATCHED), summed
   * per title on its side; every rated title watched.
   */
  static TasteWeights taste(List<Rating> train) {
    Map<String, Double> positive = new LinkedHashMap<>();
    Map<String, Double> negative = new LinkedHashMap<>();
    Set<String> watched = new LinkedHashSet<>();
    for (Rating r : train) {
      Contribution c =
          SignalWeights.DEFAULTS.of(signal(r.rating()), null, Instant.ofEpochSecond(r.timestamp()));
      (c.side() == Side.POS ? positive : negative).merge(r.titleId(), c.weight(), Double::sum);
      watched.add(r.titleId());
    }
    return new TasteWeights(positive, negative, watched);
  }

  static Signal signal(double rating) {
    return rating >= LIKED_RATING
        ? Signal.LIKED
        : rating <= DISLIKED_RATING ? Signal.DISLIKED : Signal.WATCHED;
  }
}
