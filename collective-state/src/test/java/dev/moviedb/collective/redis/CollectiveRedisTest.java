package dev.moviedb.collective.redis;

import dev.moviedb.testing.SharedInfra;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A real Redis server for the collective state's tests, emptied before each test. */
abstract class CollectiveRedisTest {

  static Vertx vertx;
  static Redis redis;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, SharedInfra.redis().url());
  }

  @AfterAll
  static void disconnect() {
    redis.close();
    vertx.closeAndAwait();
  }

  @BeforeEach
  void emptyRedis() {
    redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(10));
  }

  static long keysMatching(String pattern) {
    return redis
        .send(
            Request.cmd(Command.EVAL)
                .arg("return #redis.call('KEYS', ARGV[1])")
                .arg(0)
                .arg(pattern))
        .await()
        .atMost(Duration.ofSeconds(10))
        .toLong();
  }

  static long card(Command command, String key) {
    return redis
        .send(Request.cmd(command).arg(key))
        .await()
        .atMost(Duration.ofSeconds(10))
        .toLong();
  }
}
