package dev.moviedb.catalog.adapter.in.health;

import dev.moviedb.catalog.application.CatalogState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the last published catalogue has been read back from Kafka. */
@Readiness
@ApplicationScoped
public class CatalogStateReadiness implements HealthCheck {

  private final CatalogState state;

  public CatalogStateReadiness(CatalogState state) {
    this.state = state;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("catalogue-state")
        .status(state.isLoaded())
        .withData("titles", state.size())
        .build();
  }
}
