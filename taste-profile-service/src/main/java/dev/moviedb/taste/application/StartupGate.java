package dev.moviedb.taste.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What must be done at start-up before watch events are applied and the service reports itself
 * ready: the stored state upgraded to the current layout, and the catalogue read to its end (so
 * that titles resolve as they will from then on).
 */
@ApplicationScoped
public class StartupGate {

  private static final Logger LOG = Logger.getLogger(StartupGate.class);

  private final CountDownLatch upgraded = new CountDownLatch(1);
  private final CountDownLatch catalogue = new CountDownLatch(1);
  private volatile String catalogueProgress = "not started";

  public void upgraded() {
    upgraded.countDown();
  }

  public void catalogueProgress(String progress) {
    this.catalogueProgress = progress;
  }

  public void catalogueLoaded() {
    catalogue.countDown();
  }

  public boolean isUpgraded() {
    return upgraded.getCount() == 0;
  }

  public boolean isCatalogueLoaded() {
    return catalogue.getCount() == 0;
  }

  public boolean isReady() {
    return isUpgraded() && isCatalogueLoaded();
  }

  /** Where reading the catalogue stands, for the readiness check. */
  public String catalogueProgress() {
    return catalogueProgress;
  }

  /** Waits until ready, however long it takes, saying every half minute what it waits for. */
  public void awaitReady() throws InterruptedException {
    Duration step = Duration.ofSeconds(30);
    while (!upgraded.await(step.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.info("watch events wait for the upgrade of the stored taste state");
    }
    while (!catalogue.await(step.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.infof("watch events wait for the catalogue: %s", catalogueProgress);
    }
  }
}
