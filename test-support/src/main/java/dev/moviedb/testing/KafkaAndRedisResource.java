package dev.moviedb.testing;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus application under test at the JVM's real Kafka broker and Redis server. Starting
 * is cheap after the first test class: both are shared by every test of the JVM.
 */
public final class KafkaAndRedisResource
    implements QuarkusTestResourceConfigurableLifecycleManager<WithKafkaAndRedis> {

  private boolean redisWanted = true;

  @Override
  public void init(WithKafkaAndRedis annotation) {
    this.redisWanted = annotation.redis();
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    config.put("kafka.bootstrap.servers", SharedInfra.kafka().bootstrapServers());
    if (redisWanted) {
      config.put("quarkus.redis.hosts", SharedInfra.redis().url());
    }
    return config;
  }

  @Override
  public void stop() {
    // Shared by the whole test JVM; a shutdown hook stops them.
  }
}
