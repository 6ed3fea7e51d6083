package dev.moviedb.signals.adapter.out.redis;

import dev.moviedb.collective.redis.CollectiveWriter;
import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Outcome;
import dev.moviedb.signals.application.port.CollectiveStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Adapter: the collective state in Redis, through collective-state's writer (the one owner). */
@ApplicationScoped
public class RedisCollectiveStore implements CollectiveStore {

  private final CollectiveWriter writer;

  public RedisCollectiveStore(CollectiveWriter writer) {
    this.writer = writer;
  }

  @Override
  public Outcome apply(List<Change> changes) {
    return writer.apply(changes);
  }

  @Override
  public int refreshDirty(int max) {
    return writer.refreshDirty(max);
  }

  @Override
  public int refreshAll() {
    return writer.refreshAll();
  }
}
