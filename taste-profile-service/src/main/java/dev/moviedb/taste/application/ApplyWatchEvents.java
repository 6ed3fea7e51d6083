package dev.moviedb.taste.application;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.domain.EventTimes;
import dev.moviedb.taste.domain.ResolvedTitle;
import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.tastestate.ApplyResult;
import dev.moviedb.tastestate.SignalWeights;
import dev.moviedb.tastestate.TasteChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: folds a batch of watch events (one poll of {@code user.watch-events}) into the users'
 * taste state, in one round trip to the store. A resolved event adds its decayed weight to its
 * title; an unresolved one is kept, counted under its raw title, until the catalogue gains its
 * title. Events published before this service resolved titles (raw titles only) are resolved here.
 * Applying an event twice changes nothing; the order of the events does not matter.
 */
@ApplicationScoped
public class ApplyWatchEvents {

  /** One event of the stream and when it was published (its Kafka timestamp). */
  public record Received(WatchRecorded event, Instant publishedAt) {}

  /**
   * What a batch did.
   *
   * @param rejected position in the batch to why that event cannot be applied (see {@link #check})
   */
  public record Result(ApplyResult applied, Map<Integer, IllegalArgumentException> rejected) {}

  private final TasteStore store;
  private final SignalWeights weights;
  private final TitleResolver resolver;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter resolvedLater;
  private final Counter kept;

  public ApplyWatchEvents(
      TasteStore store, SignalWeights weights, TitleResolver resolver, MeterRegistry metrics) {
    this.store = store;
    this.weights = weights;
    this.resolver = resolver;
    this.applied = metrics.counter("moviedb.taste.events.applied");
    this.duplicates = metrics.counter("moviedb.taste.events.duplicates");
    this.resolvedLater = metrics.counter("moviedb.taste.events.resolved_later");
    this.kept = metrics.counter("moviedb.taste.events.unresolved");
  }

  /**
   * Throws {@link IllegalArgumentException}, naming the problem, when a watch event cannot be
   * applied: it has no id, user, signal or time, its time is before 1997 or in the future, or it
   * names no title at all.
   */
  public static void check(WatchRecorded event) {
    if (event == null) {
      throw new IllegalArgumentException("empty watch event");
    }
    if (blank(event.eventId())) {
      throw new IllegalArgumentException("watch event without eventId");
    }
    String what = "watch event " + event.eventId();
    if (blank(event.userId())) {
      throw new IllegalArgumentException(what + " has no userId");
    }
    if (event.signal() == null) {
      throw new IllegalArgumentException(what + " has no signal");
    }
    if (event.occurredAt() == null) {
      throw new IllegalArgumentException(what + " has no occurredAt");
    }
    EventTimes.problem(event.occurredAt(), Instant.now())
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  what + ": occurredAt " + event.occurredAt() + " " + p);
            });
    if (blank(event.titleId()) && blank(event.rawTitle())) {
      throw new IllegalArgumentException(what + " names no title (titleId or rawTitle)");
    }
  }

  /** Applies the valid events of the batch; the others are reported, never thrown. */
  public Result apply(List<Received> batch) {
    List<TasteChange> changes = new ArrayList<>(batch.size());
    Map<Integer, IllegalArgumentException> rejected = new LinkedHashMap<>();
    long unresolved = 0;
    for (int i = 0; i < batch.size(); i++) {
      try {
        TasteChange change = toChange(batch.get(i));
        changes.add(change);
        if (change instanceof TasteChange.Unresolved) {
          unresolved++;
        }
      } catch (IllegalArgumentException e) {
        rejected.put(i, e);
      }
    }
    ApplyResult result = store.apply(changes);
    applied.increment(result.applied());
    duplicates.increment(result.duplicates());
    resolvedLater.increment(result.resolvedLater());
    kept.increment(unresolved);
    return new Result(result, rejected);
  }

  private TasteChange toChange(Received received) {
    WatchRecorded e = received.event();
    check(e);
    Optional<ResolvedTitle> title =
        blank(e.titleId()) ? resolver.resolve(e.rawTitle()) : Optional.of(named(e));
    if (title.isEmpty()) {
      return new TasteChange.Unresolved(
          e.userId(),
          e.eventId(),
          received.publishedAt(),
          e.occurredAt(),
          e.signal(),
          TitleResolver.display(e.rawTitle()),
          e,
          TitleResolver.waitingNames(e.rawTitle()));
    }
    ResolvedTitle t = title.get();
    return new TasteChange.Resolved(
        e.userId(),
        e.eventId(),
        received.publishedAt(),
        e.occurredAt(),
        e.signal(),
        t.id(),
        t.name(),
        t.genres(),
        weights.of(e.signal(), e.watchedSeconds(), e.occurredAt()));
  }

  /**
   * A resolved event's title: kept under its work when the catalogue knows the id (an event
   * published before work identity names a source record), named as the event names it, or from the
   * catalogue (schema 1 events).
   */
  private ResolvedTitle named(WatchRecorded e) {
    ResolvedTitle known = resolver.byId(e.titleId()).orElse(null);
    if (e.title() != null) {
      return new ResolvedTitle(known == null ? e.titleId() : known.id(), e.title(), e.genres());
    }
    return known != null ? known : new ResolvedTitle(e.titleId(), "", List.of());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
