package dev.moviedb.collective;

/**
 * The bounds of the collective state. Changing one changes the meaning of stored state (rebuild by
 * replaying the topic).
 *
 * @param pairReach N: in a user's titles ordered by their latest counting watch, each title pairs
 *     with the N before and the N after it (a title co-watches with the user's N previous titles)
 * @param recentTitles L: a user's co-watch list keeps the L titles watched most recently; older
 *     ones leave it and take their pairs with them
 * @param contributions M: a user keeps at most M popularity contributions (one per item, day and
 *     scope), the most recent; an older one leaves the aggregates when a newer one pushes it out
 * @param neighbours K: neighbours kept per title
 * @param minUsers the fewest distinct users behind a published number: a trending title, a
 *     popularity, a co-watch pair (a count of 1 points at one person)
 */
public record SignalParams(
    int pairReach, int recentTitles, int contributions, int neighbours, int minUsers) {

  public static final SignalParams DEFAULTS = new SignalParams(10, 200, 1000, 50, 3);

  public SignalParams {
    positive("pairReach", pairReach);
    positive("recentTitles", recentTitles);
    positive("contributions", contributions);
    positive("neighbours", neighbours);
    positive("minUsers", minUsers);
    if (pairReach >= recentTitles) {
      throw new IllegalArgumentException("pairReach must be below recentTitles");
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
