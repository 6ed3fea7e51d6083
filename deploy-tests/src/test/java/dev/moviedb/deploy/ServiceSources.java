package dev.moviedb.deploy;

import dev.moviedb.events.Topics;
import dev.moviedb.events.Topics.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service's code reads from Kafka outside its channels: a consumer it builds itself (a
 * follower without a consumer group, a start-up loader, a user's export) is in no
 * application.properties, so its topics are taken from the source that builds it, the one place
 * that says them: every topic of {@link Topics} named in a main source file that creates a {@code
 * KafkaConsumer}.
 */
final class ServiceSources {

  /** A topic as the sources name it: a constant of Topics, possibly with the dead-letter suffix. */
  private static final Pattern TOPIC =
      Pattern.compile("\\bTopics\\.([A-Z][A-Z0-9_]*)\\b(\\s*\\+\\s*Topics\\.DEAD_LETTER_SUFFIX)?");

  private static final String BUILDS_A_CONSUMER = "new KafkaConsumer<";

  private ServiceSources() {}

  /**
   * The topics each self-built consumer of the service reads, by source file (relative to the
   * project root). A file that builds a consumer but names no topic of Topics fails: what it reads
   * cannot be told.
   */
  static Map<String, Set<String>> topicsReadOutsideChannels(String service) {
    Path sources = DeployFiles.root().resolve(service).resolve("src/main/java");
    Map<String, Set<String>> readers = new TreeMap<>();
    if (!Files.isDirectory(sources)) {
      return readers;
    }
    Set<String> topics =
        Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toCollection(TreeSet::new));
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file);
        if (!source.contains(BUILDS_A_CONSUMER)) {
          continue;
        }
        String where = DeployFiles.root().relativize(file).toString();
        Set<String> read = new TreeSet<>();
        Matcher matcher = TOPIC.matcher(source);
        while (matcher.find()) {
          constant(matcher.group(1))
              .map(name -> matcher.group(2) == null ? name : name + Topics.DEAD_LETTER_SUFFIX)
              .filter(topics::contains)
              .ifPresent(read::add);
        }
        if (read.isEmpty()) {
          throw new AssertionError(
              where + " builds a KafkaConsumer but names no topic of Topics: say which it reads");
        }
        readers.put(where, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return readers;
  }

  /** The value of a public static String constant of Topics, if it is one. */
  private static Optional<String> constant(String name) {
    try {
      Field field = Topics.class.getField(name);
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        return Optional.of((String) field.get(null));
      }
      return Optional.empty();
    } catch (NoSuchFieldException e) {
      throw new AssertionError("Topics." + name + " does not exist", e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
