package dev.moviedb.recommend.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.FeedbackKind;
import dev.moviedb.recommend.application.port.AcceptanceStore.Counted;
import dev.moviedb.recommend.domain.Acceptance;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The acceptance counts on a real Redis: exactly once per record of the topic. */
@QuarkusTest
@WithKafkaAndRedis
class RedisAcceptanceStoreTest {

  @Inject Redis redis;

  @Test
  void aBatchDeliveredAgain_countsNothingTwice_andAnOlderOffsetIsSkipped() {
    RedisAcceptanceStore store = new RedisAcceptanceStore(redis);
    String experiment = "redelivery-" + UUID.randomUUID().toString().substring(0, 8);
    String partition = "test-topic-" + experiment + "/0";
    List<Counted> batch =
        List.of(
            new Counted(partition, 10, experiment, "a", FeedbackKind.IMPRESSION),
            new Counted(partition, 11, experiment, "a", FeedbackKind.CLICK),
            new Counted(partition, 12, null, null, null), // unreadable: moves the offset only
            new Counted(partition, 13, experiment, "b", FeedbackKind.LIKE));

    assertThat(store.count(batch)).containsExactly(true, true, true, true);
    assertThat(store.count(batch)).containsExactly(false, false, false, false);
    assertThat(
            store.count(
                List.of(
                    new Counted(partition, 9, experiment, "a", FeedbackKind.CLICK),
                    new Counted(partition, 14, experiment, "a", FeedbackKind.DISLIKE))))
        .containsExactly(false, true);

    assertThat(store.of(experiment))
        .containsEntry("a", new Acceptance(1, 1, 0, 1))
        .containsEntry("b", new Acceptance(0, 0, 1, 0))
        .hasSize(2);
  }
}
