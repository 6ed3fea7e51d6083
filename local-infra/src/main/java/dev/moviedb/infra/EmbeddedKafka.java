package dev.moviedb.infra;

import dev.moviedb.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), running in
 * this JVM. Its log directory is formatted on first start and reused afterwards, so a restarted
 * local stack keeps its topics. The client listener is bound to the given address (loopback unless
 * told otherwise); the controller listener is always on loopback.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final String host;
  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private KafkaRaftServer server;

  /** A broker listening on 127.0.0.1 only. */
  public EmbeddedKafka(int port, int controllerPort, Path logDir) {
    this(Loopback.ADDRESS, port, controllerPort, logDir);
  }

  public EmbeddedKafka(String host, int port, int controllerPort, Path logDir) {
    this.host = host;
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDir = logDir;
  }

  public String bootstrapServers() {
    return Loopback.connectHost(host) + ":" + port;
  }

  /** Formats the log directory if needed, starts the broker, and creates MovieDB's topics. */
  public EmbeddedKafka start() {
    try {
      Files.createDirectories(logDir);
      Properties props = brokerProperties();
      Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "MovieDB local Kafka broker");
      }
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(config); // first start only: a formatted directory keeps its cluster id
      }
      server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      createTopics(bootstrapServers());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka log directory " + logDir, e);
    }
  }

  private void format(Path config) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int rc =
        StorageTool.execute(
            new String[] {
              "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (rc != 0) {
      throw new IllegalStateException(
          "formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private Properties brokerProperties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    String controller = Loopback.ADDRESS + ":" + controllerPort;
    p.put("controller.quorum.voters", "1@" + controller);
    p.put("listeners", "PLAINTEXT://" + listenHost() + ":" + port + ",CONTROLLER://" + controller);
    p.put("advertised.listeners", "PLAINTEXT://" + advertisedHost() + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("num.partitions", "3");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("log.cleaner.backoff.ms", "5000");
    return p;
  }

  private String listenHost() {
    return Loopback.isWildcard(host) ? "0.0.0.0" : bracketed(host);
  }

  private static String bracketed(String address) {
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }

  /** What clients are told to connect to: the address itself, or this machine's name. */
  private String advertisedHost() {
    if (!Loopback.isWildcard(host)) {
      return bracketed(host);
    }
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return Loopback.ADDRESS;
    }
  }

  /**
   * Creates every topic of {@link Topics#ALL} with its configs; an existing topic gets the configs
   * of {@link Topics#ALL} set (a stack made by an older release keeps up with, say, a retention
   * that became finite), its partitions left as they are.
   */
  public static void createTopics(String bootstrapServers) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      List<NewTopic> topics =
          Topics.ALL.stream()
              .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()))
              .toList();
      Map<ConfigResource, Collection<AlterConfigOp>> existing = new HashMap<>();
      for (var entry : admin.createTopics(topics).values().entrySet()) {
        try {
          entry.getValue().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
          }
          Topics.TopicSpec spec =
              Topics.ALL.stream().filter(t -> t.name().equals(entry.getKey())).findFirst().get();
          existing.put(
              new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
              spec.configs().entrySet().stream()
                  .map(
                      c ->
                          new AlterConfigOp(
                              new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        }
      }
      if (!existing.isEmpty()) {
        admin.incrementalAlterConfigs(existing).all().get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set the topics' configs", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
