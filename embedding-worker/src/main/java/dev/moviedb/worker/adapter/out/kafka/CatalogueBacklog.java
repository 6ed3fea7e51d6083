package dev.moviedb.worker.adapter.out.kafka;

import dev.moviedb.events.KafkaClientSettings;
import dev.moviedb.events.Topics;
import dev.moviedb.worker.application.port.Backlog;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many {@code catalog.works} records this worker's consumer group has not yet committed: 0
 * means every catalogue change so far is in the index (a re-embed is complete).
 */
@ApplicationScoped
public class CatalogueBacklog implements Backlog {

  private final String groupId;
  private final Admin admin;

  public CatalogueBacklog(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "mp.messaging.incoming.catalog-titles.group.id") String groupId) {
    this.groupId = groupId;
    Map<String, Object> settings = KafkaClientSettings.from(kafka);
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, groupId + "-backlog");
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    this.admin = Admin.create(settings);
  }

  @Override
  public String groupId() {
    return groupId;
  }

  /**
   * Records of the catalogue topic not yet committed by this group; -1 if Kafka does not answer.
   */
  @Override
  public long pendingRecords() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(java.util.List.of(Topics.CATALOG_WORKS))
              .allTopicNames()
              .get(5, TimeUnit.SECONDS)
              .get(Topics.CATALOG_WORKS)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(Topics.CATALOG_WORKS, p.partition()),
                      p -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
      long pending = 0;
      for (var end : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        pending += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return pending;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    }
  }

  @PreDestroy
  void close() {
    admin.close();
  }
}
