package dev.moviedb.collective.redis;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Blocking calls to Redis with a timeout; scripts go by their SHA-1 ({@code EVALSHA}) and are
 * loaded again when the server does not know them (a restarted or failed-over Redis). Never call
 * from an event-loop thread.
 */
final class RedisCalls {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Redis redis;

  RedisCalls(Redis redis) {
    this.redis = redis;
  }

  Response send(Request request) {
    return redis.send(request).await().atMost(TIMEOUT);
  }

  List<Response> batch(List<Request> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    return redis.batch(requests).await().atMost(TIMEOUT);
  }

  /** Runs a script with its keys and arguments. */
  Response eval(String script, List<String> keys, List<String> args) {
    try {
      return send(request(Command.EVALSHA, sha1(script), keys, args));
    } catch (RuntimeException e) {
      if (!unknownScript(e)) {
        throw e;
      }
      return send(request(Command.EVAL, script, keys, args));
    }
  }

  private static boolean unknownScript(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
        return true;
      }
    }
    return false;
  }

  private static Request request(
      Command command, String scriptOrSha, List<String> keys, List<String> args) {
    Request r = Request.cmd(command).arg(scriptOrSha).arg(keys.size());
    keys.forEach(r::arg);
    args.forEach(r::arg);
    return r;
  }

  static String sha1(String script) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
