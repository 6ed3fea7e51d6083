package dev.moviedb.worker.adapter.in.messaging;

import dev.moviedb.events.TasteSignalResolved;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.worker.application.ResolveWatchEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Consumes {@code user.watch-events} and publishes each as a {@code user.taste-signals} record.
 *
 * <p>Bad records go to {@code user.watch-events.dlq} through SmallRye's {@code dead-letter-queue}
 * failure strategy, and consumption goes on: a record whose value is not a {@link WatchRecorded} is
 * sent there by the connector as it was written ({@code fail-on-deserialization-failure=false}),
 * never reaching this method; an event the use case refuses ({@link IllegalArgumentException}) is
 * nacked and sent there with {@code dead-letter-reason}. Its offset is committed only after the
 * dead-letter write is acknowledged.
 */
@ApplicationScoped
public class WatchEventsConsumer {

  public static final String CHANNEL_IN = "watch-events";
  public static final String CHANNEL_OUT = "taste-signals-out";

  private final ResolveWatchEvent resolve;

  public WatchEventsConsumer(ResolveWatchEvent resolve) {
    this.resolve = resolve;
  }

  @Incoming(CHANNEL_IN)
  @Outgoing(CHANNEL_OUT)
  @Blocking
  public Record<String, TasteSignalResolved> consume(WatchRecorded event) {
    return Record.of(event.userId(), resolve.resolve(event));
  }
}
