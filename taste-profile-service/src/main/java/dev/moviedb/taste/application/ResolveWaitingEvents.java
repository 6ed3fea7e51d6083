package dev.moviedb.taste.application;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import dev.moviedb.taste.domain.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Use case: a title the catalogue did not have when a user's history was read arrived. Every kept
 * event it resolves is published again on {@code user.watch-events}, with its own event id and now
 * its title, so that every consumer of the stream sees it resolved (the taste state moves it from
 * the unresolved titles to its title).
 */
@ApplicationScoped
public class ResolveWaitingEvents {

  private static final Logger LOG = Logger.getLogger(ResolveWaitingEvents.class);

  private final TasteStore store;
  private final TitleResolver resolver;
  private final WatchEventPublisher publisher;

  public ResolveWaitingEvents(
      TasteStore store, TitleResolver resolver, WatchEventPublisher publisher) {
    this.store = store;
    this.resolver = resolver;
    this.publisher = publisher;
  }

  /** Every name any kept event waits for that the catalogue now holds. Returns events published. */
  public int all() {
    return forNames(store.waitingNames());
  }

  /**
   * The kept events that titles of these (normalised) names resolve now. Returns events published.
   */
  public int forNames(Collection<String> names) {
    List<String> known = names.stream().filter(resolver::knows).distinct().toList();
    if (known.isEmpty()) {
      return 0;
    }
    Map<String, Set<String>> waiting = store.waiting(known);
    Set<String> users = new LinkedHashSet<>();
    waiting.values().forEach(users::addAll);
    List<WatchRecorded> resolved = new ArrayList<>();
    for (String user : users) {
      for (WatchRecorded event : store.pending(user)) {
        resolver.resolve(event.rawTitle()).ifPresent(t -> resolved.add(t.applyTo(event)));
      }
    }
    publisher.publish(resolved);
    // Published and acknowledged: the events are on the stream, resolved. An event the consumer
    // kept between the two reads above would wait for the next look (the next title of the name,
    // or the next start); the consumer resolves it itself when the title is known by then.
    store.forgetWaiting(waiting.keySet());
    if (!resolved.isEmpty()) {
      LOG.infof(
          "%d kept watch events of %d users resolved by new catalogue titles",
          resolved.size(), users.size());
    }
    return resolved.size();
  }
}
