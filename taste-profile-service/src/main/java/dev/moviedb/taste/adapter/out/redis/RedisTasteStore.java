package dev.moviedb.taste.adapter.out.redis;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.tastestate.ApplyResult;
import dev.moviedb.tastestate.TasteChange;
import dev.moviedb.tastestate.TasteSnapshot;
import dev.moviedb.tastestate.redis.RedisTasteState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Adapter: the taste state in Redis, through taste-state's {@link RedisTasteState}, the one owner
 * of the layout that recommend-api reads through as well.
 */
@ApplicationScoped
public class RedisTasteStore implements TasteStore {

  private final RedisTasteState state;

  public RedisTasteStore(RedisTasteState state) {
    this.state = state;
  }

  @Override
  public ApplyResult apply(List<? extends TasteChange> changes) {
    return state.apply(changes);
  }

  @Override
  public Optional<TasteSnapshot> snapshot(String userId) {
    return state.snapshot(userId);
  }

  @Override
  public List<WatchRecorded> pending(String userId) {
    return state.pending(userId);
  }

  @Override
  public Map<String, Set<String>> waiting(Collection<String> names) {
    return state.waiting(names);
  }

  @Override
  public Set<String> waitingNames() {
    return state.waitingNames();
  }

  @Override
  public void forgetWaiting(Collection<String> names) {
    state.forgetWaiting(names);
  }

  @Override
  public List<String> erase(
      String userId, Supplier<Map<String, Collection<String>>> pendingNames, Instant at) {
    return state.erase(userId, pendingNames, at);
  }

  @Override
  public Map<String, Object> stored(String userId) {
    return state.stored(userId);
  }

  @Override
  public void markErased(Collection<String> userIds, Instant at) {
    state.markErased(userIds, at);
  }

  @Override
  public Set<String> known(Collection<String> userIds) {
    return state.known(userIds);
  }

  @Override
  public Optional<String> layout() {
    return state.layout();
  }

  @Override
  public void layout(String version) {
    state.layout(version);
  }
}
