package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MmrTest {

  private record Item(String id, double relevance, float[] vector) {}

  // a and a2 are near duplicates; b is different and a little less relevant.
  private static final List<Item> ITEMS =
      List.of(
          new Item("a", 1.0, new float[] {1, 0}),
          new Item("a2", 0.95, new float[] {0.995f, 0.0998f}),
          new Item("b", 0.9, new float[] {0, 1}));

  private static List<String> pick(double lambda, int count) {
    return Mmr.select(ITEMS, count, lambda, Item::relevance, Item::vector).stream()
        .map(Item::id)
        .toList();
  }

  @Test
  void lambdaOne_isRelevanceOrder() {
    assertThat(pick(1.0, 3)).containsExactly("a", "a2", "b");
  }

  @Test
  void withDiversity_aNearDuplicateMakesWayForSomethingElse() {
    assertThat(pick(0.5, 2)).containsExactly("a", "b");
    assertThat(pick(0.9, 2)).as("little diversity keeps the order").containsExactly("a", "a2");
  }

  @Test
  void thePool_isAtLeastOneHundred_andFiveTimesThePage() {
    assertThat(Mmr.pool(10)).isEqualTo(100);
    assertThat(Mmr.pool(50)).isEqualTo(250);
  }
}
