package dev.moviedb.cli.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.cli.CliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP to the processes of the stack, with Jackson for the answers. Every failure becomes a {@link
 * CliException} in one line: a process that does not answer, or a server that refused the request
 * (its own message: an RFC 9457 problem's {@code detail}, or the {@code error} of MovieDB's older
 * error answers). A request without an {@code Authorization} header gets the commands' admin token
 * from the stack's local issuer; a command acting for one user sets that user's own ({@link
 * #asUser}).
 */
public final class StackClient {

  public static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final int MESSAGE_LIMIT = 400;

  private final Stack stack;
  private final HttpClient http;
  private final StackTokens tokens;

  public StackClient(Stack stack) {
    this.stack = stack;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.tokens = stack.issuer() == null ? null : new StackTokens(stack.issuer());
  }

  public Stack stack() {
    return stack;
  }

  /** The request acting for {@code userId}: their own bearer token, no admin role. */
  public HttpRequest.Builder asUser(HttpRequest.Builder request, String userId) {
    return tokens == null ? request : request.header("Authorization", tokens.userBearer(userId));
  }

  /** {@code Bearer <token>} of the user, or null without a local issuer. */
  public String userBearer(String userId) {
    return tokens == null ? null : tokens.userBearer(userId);
  }

  private HttpRequest authorized(HttpRequest request) {
    if (tokens == null || request.headers().firstValue("Authorization").isPresent()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .header("Authorization", tokens.adminBearer())
        .build();
  }

  /** An answer as received. */
  public record Answer(int status, String contentType, String body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public boolean isText() {
      return contentType.toLowerCase(Locale.ROOT).startsWith("text/plain");
    }
  }

  /** {@code http://host:port/path} of a process. */
  public URI uri(String process, String pathAndQuery) {
    return URI.create("http://" + stack.address(process) + pathAndQuery);
  }

  /** Sends a request to a process; a process that does not answer is a {@link CliException}. */
  public Answer send(String process, HttpRequest request) {
    return trySend(process, request)
        .orElseThrow(
            () ->
                new CliException(
                    process
                        + " does not answer on "
                        + stack.address(process)
                        + ": is the stack running? Start it with bin/moviedb up;"
                        + " bin/moviedb status shows each process"));
  }

  /** Sends a request; empty when nothing listens on the process's port. */
  public Optional<Answer> trySend(String process, HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(authorized(request), HttpResponse.BodyHandlers.ofString());
      return Optional.of(
          new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CliException(
          process + " broke off the connection (" + stack.address(process) + "): " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for " + process);
    }
  }

  /** GET of a JSON resource that must answer 2xx, read as {@code type}. */
  public <T> T get(String process, String pathAndQuery, Class<T> type) {
    return read(process, ensureOk(process, send(process, get(uri(process, pathAndQuery)))), type);
  }

  /** As {@link #get}, but empty when the process does not answer. */
  public <T> Optional<T> getIfAnswering(String process, String pathAndQuery, Class<T> type) {
    return trySend(process, get(uri(process, pathAndQuery)))
        .map(a -> read(process, ensureOk(process, a), type));
  }

  public static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
  }

  /** The answer itself if 2xx, else a {@link CliException} carrying the server's message. */
  public static Answer ensureOk(String process, Answer answer) {
    if (!answer.ok()) {
      throw refused(process, answer);
    }
    return answer;
  }

  /** "catalog-ingest answered 400: the server's message". */
  public static CliException refused(String process, Answer answer) {
    return new CliException(process + " answered " + answer.status() + ": " + messageOf(answer));
  }

  /**
   * The message of an error answer: a problem's {@code detail} (RFC 9457), else {@code error},
   * {@code message} or {@code title}, else the body itself, in one line.
   */
  public static String messageOf(Answer answer) {
    String body = answer.body() == null ? "" : answer.body().strip();
    if (body.startsWith("{")) {
      try {
        JsonNode json = JSON.readTree(body);
        for (String field : new String[] {"detail", "error", "message", "title"}) {
          JsonNode value = json.path(field);
          if (value.isTextual() && !value.asText().isBlank()) {
            return oneLine(value.asText());
          }
        }
      } catch (JsonProcessingException e) {
        // not JSON after all: show the text
      }
    }
    return body.isEmpty() ? "(no message)" : oneLine(body);
  }

  static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s*\\R\\s*", "; ");
    return line.length() <= MESSAGE_LIMIT ? line : line.substring(0, MESSAGE_LIMIT) + "...";
  }

  private static <T> T read(String process, Answer answer, Class<T> type) {
    try {
      return JSON.readValue(answer.body(), type);
    } catch (JsonProcessingException e) {
      throw new CliException(
          process
              + " answered something this command cannot read ("
              + e.getOriginalMessage()
              + "): "
              + oneLine(answer.body()));
    }
  }
}
