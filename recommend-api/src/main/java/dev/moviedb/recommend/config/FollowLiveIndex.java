package dev.moviedb.recommend.config;

import dev.moviedb.recommend.application.port.ServingIndex;
import dev.moviedb.vectors.config.VectorsConfig;
import dev.moviedb.vectors.config.VectorsFactory;
import dev.moviedb.vectors.embedding.QueryCache;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves the configured model's index and follows a promotion: when a re-embed makes another
 * model's index live, this loads that model, opens its index, warms it up and only then switches,
 * so requests never wait and never mix models. The old pair is closed once requests in flight are
 * done with it. At start-up a configured model that is not the live one is refused (the store says
 * what to do).
 */
@Startup
@ApplicationScoped
public class FollowLiveIndex implements ServingIndex {

  private static final Logger LOG = Logger.getLogger(FollowLiveIndex.class);
  private static final long GRACE_SECONDS = 30;

  private final VectorsConfig.Embedding embeddingConfig;
  private final VectorsConfig.Store storeConfig;
  private final ScheduledExecutorService follower =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "follow-live-index");
            t.setDaemon(true);
            return t;
          });
  private final int queryCacheSize;
  private volatile Serving serving;
  private String failedModel;

  public FollowLiveIndex(
      VectorsConfig.Embedding embeddingConfig,
      VectorsConfig.Store storeConfig,
      RecommendConfig config,
      @ConfigProperty(name = "moviedb.recommend.follow-interval-millis", defaultValue = "2000")
          long intervalMillis) {
    this.embeddingConfig = embeddingConfig;
    this.storeConfig = storeConfig;
    this.queryCacheSize = config.queryCacheSize();
    TextEmbedder embedder = embedder(embeddingConfig.model());
    this.serving = new Serving(embedder, VectorsFactory.store(storeConfig, embedder, false));
    LOG.infof(
        "serving model %s (%d dimensions); vector arithmetic: %s",
        embedder.modelId(),
        embedder.dimension(),
        dev.moviedb.vectors.Vectors.SIMD
            ? "SIMD (Vector API)"
            : "scalar (run with --add-modules jdk.incubator.vector for SIMD)");
    follower.scheduleWithFixedDelay(
        this::follow, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Serving current() {
    return serving;
  }

  /**
   * One look at the live pointer; switches when it names another model. Never throws: an exception
   * would end the scheduled follower for good.
   */
  void follow() {
    Serving now = serving;
    String model;
    try {
      model = now.store().liveModel().orElse(null);
    } catch (RuntimeException e) {
      LOG.warnf("cannot read which index is live (will retry): %s", e.getMessage());
      return;
    }
    if (model == null || model.equals(now.embedder().modelId()) || model.equals(failedModel)) {
      return;
    }
    try {
      LOG.infof(
          "the live index is now %s; loading it (still serving %s)",
          model, now.embedder().modelId());
      TextEmbedder embedder = embedder(model);
      VectorStore store = VectorsFactory.open(storeConfig, false);
      store.bindIndex(model, embedder.dimension());
      embedder.embedQuery("warm up the model before the first request");
      long titles = store.count(); // opens the index before the first request needs it
      serving = new Serving(embedder, store);
      LOG.infof("now serving model %s with %d titles", model, titles);
      follower.schedule(() -> close(now), GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      // e.g. the promoted model is not one this provider can run: keep serving the old index.
      failedModel = model;
      LOG.errorf(
          "cannot follow the live index to model %s, still serving %s: %s",
          model, now.embedder().modelId(), e.getMessage());
    }
  }

  /** The model, remembering the vectors of recent queries. */
  private TextEmbedder embedder(String model) {
    return new QueryCache(VectorsFactory.embedder(embeddingConfig, model), queryCacheSize);
  }

  private static void close(Serving old) {
    old.store().close();
    if (old.embedder() instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warnf("closing the old model failed: %s", e.getMessage());
      }
    }
  }

  @PreDestroy
  void shutdown() {
    follower.shutdownNow();
    close(serving);
  }
}
