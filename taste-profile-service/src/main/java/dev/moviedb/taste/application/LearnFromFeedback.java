package dev.moviedb.taste.application;

import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.events.FeedbackKind;
import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.DerivedWatchEventPublisher;
import dev.moviedb.taste.domain.EventIds;
import dev.moviedb.taste.domain.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case: a signed-in user's likes and dislikes of recommended titles ({@code user.feedback})
 * become their taste. Each becomes a watch event with signal {@code LIKED} or {@code DISLIKED},
 * resolved here like every other event and published on {@code user.watch-events}, so every reader
 * of that one stream sees it and the taste state weighs it with {@code SignalWeights}, the one
 * owner of the weights. Its event id is derived from the feedback's, so a redelivered batch
 * publishes nothing new that the taste state would apply twice; its record time is the feedback
 * record's, so an erasure made after the feedback drops it (also on a replay of {@code
 * user.feedback}). Impressions and clicks say nothing about taste and are left to the acceptance
 * counts.
 */
@ApplicationScoped
public class LearnFromFeedback {

  /** The source written on the watch events made from feedback. */
  public static final String SOURCE = "feedback";

  /** One record of {@code user.feedback}: its feedback (null when unreadable) and its time. */
  public record Received(FeedbackGiven feedback, Instant recordTime) {}

  /**
   * What a batch did.
   *
   * @param published the watch events published
   * @param rejected position in the batch to why that feedback cannot become taste
   */
  public record Result(
      List<WatchRecorded> published, Map<Integer, IllegalArgumentException> rejected) {}

  private final DerivedWatchEventPublisher publisher;
  private final TitleResolver resolver;

  public LearnFromFeedback(DerivedWatchEventPublisher publisher, TitleResolver resolver) {
    this.publisher = publisher;
    this.resolver = resolver;
  }

  /**
   * Publishes the watch events of the likes and dislikes in the batch ({@code null} entries are
   * feedback that could not be read). Throws when Kafka does not take them: nothing is lost, the
   * batch comes again.
   */
  public Result learn(List<Received> batch) {
    List<WatchRecorded> events = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    Map<Integer, IllegalArgumentException> rejected = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      FeedbackGiven f = batch.get(i).feedback();
      if (f == null || (f.kind() != FeedbackKind.LIKE && f.kind() != FeedbackKind.DISLIKE)) {
        continue;
      }
      try {
        events.add(watchEvent(f));
        times.add(batch.get(i).recordTime());
      } catch (IllegalArgumentException e) {
        rejected.put(i, e);
      }
    }
    if (!events.isEmpty()) {
      publisher.publishAsOf(events, times);
    }
    return new Result(events, rejected);
  }

  private WatchRecorded watchEvent(FeedbackGiven f) {
    String what = "feedback " + f.eventId();
    if (blank(f.eventId())) {
      throw new IllegalArgumentException("feedback without eventId");
    }
    if (blank(f.userId())) {
      throw new IllegalArgumentException(what + " is a " + f.kind() + " without a userId");
    }
    if (f.occurredAt() == null) {
      throw new IllegalArgumentException(what + " has no occurredAt");
    }
    if (blank(f.titleId()) && blank(f.title())) {
      throw new IllegalArgumentException(what + " names no title");
    }
    Signal signal = f.kind() == FeedbackKind.LIKE ? Signal.LIKED : Signal.DISLIKED;
    WatchRecorded event =
        new WatchRecorded(
            WatchRecorded.SCHEMA_VERSION,
            EventIds.of(f.userId(), SOURCE, f.eventId()),
            f.userId(),
            null,
            null,
            // kept by name when the catalogue no longer holds the id: resolved if it comes back
            blank(f.title()) ? f.titleId() : f.title(),
            signal,
            null,
            f.occurredAt(),
            SOURCE + (blank(f.source()) ? "" : ":" + f.source()),
            null,
            null,
            null);
    return resolver
        .byId(blank(f.titleId()) ? null : f.titleId())
        .or(() -> resolver.resolve(event.rawTitle()))
        .map(t -> t.applyTo(event))
        .orElse(event);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
