package dev.moviedb.worker.adapter.in.health;

import dev.moviedb.worker.adapter.in.messaging.OutageRetry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a catalogue batch waits for the vector store, the model or the broker. */
@Readiness
@ApplicationScoped
public class ConsumptionReadiness implements HealthCheck {

  private final OutageRetry outage;

  public ConsumptionReadiness(OutageRetry outage) {
    this.outage = outage;
  }

  @Override
  public HealthCheckResponse call() {
    return outage.readiness("catalogue-consumption");
  }
}
