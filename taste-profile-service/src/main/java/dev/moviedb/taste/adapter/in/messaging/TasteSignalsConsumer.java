package dev.moviedb.taste.adapter.in.messaging;

import dev.moviedb.events.TasteSignalResolved;
import dev.moviedb.taste.application.ApplyTasteSignal;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code user.taste-signals} (key = user id). A signal that cannot be applied goes to
 * {@code user.taste-signals.dlq}; the consumer never stalls on it.
 */
@ApplicationScoped
public class TasteSignalsConsumer {

  public static final String CHANNEL = "taste-signals";

  private final ApplyTasteSignal apply;

  public TasteSignalsConsumer(ApplyTasteSignal apply) {
    this.apply = apply;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public void consume(TasteSignalResolved signal) {
    apply.apply(signal);
  }
}
