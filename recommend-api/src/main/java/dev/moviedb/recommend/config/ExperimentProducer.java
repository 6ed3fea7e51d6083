package dev.moviedb.recommend.config;

import dev.moviedb.recommend.domain.Experiment;
import dev.moviedb.recommend.domain.Variant;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** The configured experiment; a configuration it cannot run stops the service at start-up. */
public class ExperimentProducer {

  private static final Logger LOG = Logger.getLogger(ExperimentProducer.class);

  @Produces
  @Singleton
  Experiment experiment(ExperimentConfig config) {
    List<Variant> variants = new ArrayList<>();
    // Sorted by name: the order decides which buckets a variant gets, on every instance alike.
    for (Map.Entry<String, ExperimentConfig.VariantConfig> e :
        new TreeMap<>(config.variants()).entrySet()) {
      ExperimentConfig.VariantConfig v = e.getValue();
      variants.add(
          new Variant(
              e.getKey(),
              v.weight(),
              v.alpha().orElse(null),
              v.diversity().orElse(null),
              v.collaborative().orElse(null),
              v.popularity().orElse(null)));
    }
    if (variants.isEmpty()) {
      variants.add(Variant.defaults("control"));
    }
    Experiment experiment = new Experiment(config.name(), variants);
    LOG.infof("experiment %s: %s", experiment.name(), experiment.variants());
    return experiment;
  }
}
