package dev.moviedb.taste.adapter.in.health;

import dev.moviedb.taste.adapter.in.messaging.OutageRetry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a batch of watch events waits for Redis or the broker. */
@Readiness
@ApplicationScoped
public class ConsumptionReadiness implements HealthCheck {

  private final OutageRetry outage;

  public ConsumptionReadiness(OutageRetry outage) {
    this.outage = outage;
  }

  @Override
  public HealthCheckResponse call() {
    return outage.readiness("watch-event-consumption");
  }
}
