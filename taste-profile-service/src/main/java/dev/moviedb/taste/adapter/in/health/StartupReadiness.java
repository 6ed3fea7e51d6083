package dev.moviedb.taste.adapter.in.health;

import dev.moviedb.taste.application.StartupGate;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the stored taste state is in the current layout and {@code catalog.titles} was
 * read to its end: before that, titles would not resolve as they will.
 */
@Readiness
@ApplicationScoped
public class StartupReadiness implements HealthCheck {

  private final StartupGate gate;

  public StartupReadiness(StartupGate gate) {
    this.gate = gate;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("taste-state-and-catalogue")
        .status(gate.isReady())
        .withData("tasteStateUpgraded", gate.isUpgraded())
        .withData("catalogueLoaded", gate.isCatalogueLoaded())
        .withData(
            "catalogue", gate.isCatalogueLoaded() ? "read to its end" : gate.catalogueProgress())
        .build();
  }
}
