package dev.moviedb.taste.adapter.out.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.Topics;
import dev.moviedb.problems.DependencyUnavailableException;
import dev.moviedb.taste.application.port.UserRecords;
import dev.moviedb.taste.domain.KeptRecord;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Adapter: reads what the user topics hold under one user's key, without a consumer group, with the
 * service's own Kafka client settings (TLS and SASL in production). Of {@code user.watch-events}
 * only the user's partition is read (the default partitioner's, murmur2 of the key); the
 * dead-letter topic has one partition. Both are bounded by their retention (28 days).
 */
@ApplicationScoped
public class UserRecordsTopic implements UserRecords {

  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> kafka;

  public UserRecordsTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.kafka = kafka;
  }

  @Override
  public List<KeptRecord> watchEvents(String userId) {
    return read(Topics.WATCH_EVENTS, userId);
  }

  @Override
  public List<KeptRecord> deadLetters(String userId) {
    return read(Topics.WATCH_EVENTS + Topics.DEAD_LETTER_SUFFIX, userId);
  }

  private List<KeptRecord> read(String topic, String userId) {
    Map<String, Object> props = new HashMap<>();
    kafka.forEach(
        (k, v) -> {
          if (!k.startsWith("mp.") && !k.contains("devservices")) {
            props.put(k, v);
          }
        });
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    List<KeptRecord> kept = new ArrayList<>();
    long deadline = System.nanoTime() + LIMIT.toNanos();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (partitions == null || partitions.isEmpty()) {
        return List.of();
      }
      int partition =
          Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8)))
              % partitions.size();
      TopicPartition tp = new TopicPartition(topic, partition);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      while (consumer.position(tp) < end) {
        if (System.nanoTime() > deadline) {
          throw new DependencyUnavailableException(
              "Kafka",
              topic + " could not be read to its end within " + LIMIT.toSeconds() + " s",
              null);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (userId.equals(r.key())) {
            kept.add(kept(r));
          }
        }
      }
    } catch (KafkaException e) {
      throw new DependencyUnavailableException("Kafka", "cannot read " + topic, e);
    }
    return kept;
  }

  private static KeptRecord kept(ConsumerRecord<String, byte[]> r) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : r.headers()) {
      headers.put(
          h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    Object value = null;
    if (r.value() != null) {
      try {
        value = JSON.readTree(r.value());
      } catch (IOException e) {
        value = new String(r.value(), StandardCharsets.UTF_8);
      }
    }
    return new KeptRecord(
        r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), headers, value);
  }
}
