package dev.moviedb.signals;

import dev.moviedb.testing.LayerRules;
import org.junit.jupiter.api.Test;

class DependencyRuleTest {

  @Test
  void domainApplicationAdapter_dependOneWayOnly() {
    LayerRules.check("dev.moviedb.signals");
  }
}
