package dev.moviedb.recommend.config;

import dev.moviedb.recommend.application.port.ServingIndex;
import dev.moviedb.vectors.config.VectorsConfig;
import dev.moviedb.vectors.config.VectorsFactory;
import dev.moviedb.vectors.embedding.QueryBatcher;
import dev.moviedb.vectors.embedding.QueryCache;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves the configured model's index and follows a promotion: when a re-embed makes another
 * model's index live, this loads that model, opens its index, warms it up and only then switches,
 * so requests never wait and never mix models. The old pair is closed once requests in flight are
 * done with it. At start-up a configured model that is not the live one is refused (the store says
 * what to do).
 *
 * <p>Queries are embedded as {@code moviedb.embedding.*} says (threads, micro-batching) and
 * remembered by a {@link QueryCache}; both count what they do in the metrics ({@code
 * moviedb_query_cache_*}, {@code moviedb_query_batch_*}), which the load harness reads.
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
      MeterRegistry metrics,
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
    count(
        metrics,
        "moviedb.query.cache.hits",
        "queries answered from memory",
        s -> cache(s).stats().hits());
    count(
        metrics,
        "moviedb.query.cache.misses",
        "queries sent to the model",
        s -> cache(s).stats().misses());
    count(
        metrics,
        "moviedb.query.batch.calls",
        "calls of the model by the query batcher",
        s -> batcher(s) == null ? 0 : batcher(s).stats().batches());
    count(
        metrics,
        "moviedb.query.batch.queries",
        "queries embedded by the query batcher",
        s -> batcher(s) == null ? 0 : batcher(s).stats().queries());
    follower.scheduleWithFixedDelay(
        this::follow, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** A counter of the serving model's; it starts again from 0 when another model is served. */
  private void count(
      MeterRegistry metrics, String name, String description, ToDoubleFunction<Serving> value) {
    FunctionCounter.builder(name, this, f -> value.applyAsDouble(f.serving))
        .description(description)
        .register(metrics);
  }

  private static QueryCache cache(Serving s) {
    return (QueryCache) s.embedder();
  }

  private static QueryBatcher batcher(Serving s) {
    return cache(s).model() instanceof QueryBatcher b ? b : null;
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

  /** The model, as configured for queries, remembering the vectors of recent queries. */
  private TextEmbedder embedder(String model) {
    return new QueryCache(VectorsFactory.queryEmbedder(embeddingConfig, model), queryCacheSize);
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
