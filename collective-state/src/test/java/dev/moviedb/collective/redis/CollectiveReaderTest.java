package dev.moviedb.collective.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveReader.Popularity;
import dev.moviedb.collective.redis.CollectiveReader.Trending;
import dev.moviedb.collective.redis.CollectiveReader.TrendingItem;
import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Watch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract between the two sides of collective-state on a real Redis: what the writer writes is
 * what the reader reads, as recommend-api will see it (decayed to the time of reading, the floor of
 * distinct users applied, the global list when a country has too little).
 */
class CollectiveReaderTest extends CollectiveRedisTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Scope NL = Scope.of("netflix", "NL");
  private static final Scope BE = Scope.of("netflix", "BE");
  private static final SignalParams PARAMS = new SignalParams(2, 20, 100, 5, 2);

  private final CollectiveWriter writer = new CollectiveWriter(redis, PARAMS, Similarity.COSINE);
  private final CollectiveReader reader =
      new CollectiveReader(redis, 2, Clock.fixed(NOW, ZoneOffset.UTC));

  private static Watched watched(String item, Scope scope, int daysAgo) {
    return new Watched(item, scope, NOW.minusSeconds(daysAgo * 86_400L + 3_600));
  }

  /** n users each watching the item in the scope, daysAgo days ago. */
  private void watchers(int n, String item, Scope scope, int daysAgo) {
    List<Change> changes = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      changes.add(new Watch(item + "-fan-" + u, List.of(watched(item, scope, daysAgo))));
    }
    writer.apply(changes);
  }

  @Test
  void givenViewersInTheNetherlands_trending_ranksByDecayedViewersThisWeek() {
    watchers(3, "netflix:fresh", NL, 0);
    watchers(10, "netflix:ten-days-ago", NL, 10);
    watchers(2, "netflix:yesterday", NL, 1);

    Trending week = reader.trending("Netflix", "nl", Horizon.WEEK, 3);
    Trending month = reader.trending("netflix", "NL", Horizon.MONTH, 3);

    assertThat(week.served()).isEqualTo(NL);
    assertThat(week.fellBack()).isFalse();
    assertThat(week.items())
        .extracting(TrendingItem::item)
        .containsExactly("netflix:fresh", "netflix:yesterday", "netflix:ten-days-ago");
    TrendingItem fresh = week.items().get(0);
    // 3 viewers today: a contribution counts from the start of its day, half a day before noon
    assertThat(fresh.score()).isCloseTo(3 * Math.pow(2, -0.5 / 3), within(1e-9));
    assertThat(fresh.users()).isEqualTo(3);
    assertThat(month.items().get(0).item())
        .as("over weeks, ten viewers ten days ago outweigh three today")
        .isEqualTo("netflix:ten-days-ago");
  }

  @Test
  void givenACountryWithTooFewTitles_trending_servesTheGlobalList() {
    watchers(3, "netflix:belgian", BE, 0);
    watchers(4, "netflix:dutch", NL, 0);
    watchers(2, "netflix:dutch-2", NL, 0);

    Trending belgium = reader.trending("netflix", "BE", Horizon.WEEK, 2);

    assertThat(belgium.fellBack()).isTrue();
    assertThat(belgium.served()).isEqualTo(Scope.GLOBAL);
    assertThat(belgium.items())
        .extracting(TrendingItem::item)
        .containsExactly("netflix:dutch", "netflix:belgian");
    assertThat(reader.trending(null, null, Horizon.WEEK, 2).served()).isEqualTo(Scope.GLOBAL);
  }

  @Test
  void givenATitleOnlyOnePersonWatched_reader_neverShowsIt() {
    watchers(1, "netflix:niche", NL, 0);
    watchers(2, "netflix:shared", NL, 0);
    writer.apply(
        List.of(
            new Watch("solo", List.of(watched("netflix:a", NL, 0), watched("netflix:b", NL, 0)))));
    writer.refreshAll();

    assertThat(reader.trending("netflix", "NL", Horizon.WEEK, 10).items())
        .extracting(TrendingItem::item)
        .contains("netflix:shared")
        .doesNotContain("netflix:niche", "netflix:a", "netflix:b");
    assertThat(reader.popularity(List.of("netflix:niche", "netflix:shared")))
        .containsOnlyKeys("netflix:shared");
    assertThat(reader.neighbours("netflix:a", 5)).as("a pair only one user has").isEmpty();
  }

  @Test
  void givenUsersWhoWatchedTwoTitlesTogether_neighbours_areTheirNormalisedCoWatch() {
    List<Change> changes = new ArrayList<>();
    for (int u = 0; u < 4; u++) {
      changes.add(
          new Watch(
              "pair-" + u,
              List.of(watched("netflix:dark", NL, 2), watched("netflix:1899", NL, 1))));
    }
    changes.add(new Watch("other-0", List.of(watched("netflix:dark", NL, 2))));
    changes.add(new Watch("other-1", List.of(watched("netflix:dark", NL, 2))));
    writer.apply(changes);
    writer.refreshAll();

    List<Neighbour> neighbours = reader.neighbours("netflix:1899", 5);

    // c = 4, n(1899) = 4, n(dark) = 6: cosine 4 / sqrt(24)
    assertThat(neighbours).extracting(Neighbour::item).containsExactly("netflix:dark");
    assertThat(neighbours.get(0).score()).isCloseTo(4 / Math.sqrt(24), within(1e-12));
    Map<String, Popularity> pop = reader.popularity(NL, List.of("netflix:dark"));
    assertThat(pop.get("netflix:dark").users()).isEqualTo(6);
    assertThat(pop.get("netflix:dark").month())
        .isCloseTo(6 * Math.pow(2, -2.5 / 14), within(1e-9)); // two days and a half ago
  }

  @Test
  void givenBadArguments_reader_namesThem() {
    assertThatThrownBy(() -> reader.trending("netflix", "Netherlands", Horizon.WEEK, 5))
        .hasMessageContaining("country 'NETHERLANDS'");
    assertThatThrownBy(() -> reader.trending("netflix", null, Horizon.WEEK, 5))
        .hasMessageContaining("service and country are both needed");
    assertThatThrownBy(() -> reader.trending(null, null, Horizon.WEEK, 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> Horizon.parse("year")).hasMessageContaining("neither week nor month");
  }
}
