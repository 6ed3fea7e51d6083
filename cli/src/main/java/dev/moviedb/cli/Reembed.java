package dev.moviedb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moviedb.cli.stack.IndexStatus;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.cli.stack.StackClient.Answer;
import dev.moviedb.cli.stack.StackProcesses;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * Re-embeds the catalogue with another model while recommend-api keeps answering: a second worker
 * (its own consumer group, a staging index) embeds every title beside the live index; once it has
 * caught up with the catalogue its index is promoted, the stack records the new model, and the live
 * worker goes on with it from where the re-embed stopped.
 */
public final class Reembed {

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final Duration SWITCH_LIMIT = Duration.ofSeconds(60);

  private final Stack stack;
  private final StackClient client;
  private final StackProcesses processes;
  private final PrintWriter out;

  public Reembed(Stack stack, PrintWriter out) {
    this.stack = stack;
    this.client = new StackClient(stack);
    this.processes = new StackProcesses(stack);
    this.out = out;
  }

  public void run(String model) throws InterruptedException, IOException {
    IndexStatus live = client.get(Stack.EMBEDDING_WORKER, "/v1/index", IndexStatus.class);
    client.send(Stack.RECOMMEND_API, StackClient.get(client.uri(Stack.RECOMMEND_API, "/q/health")));
    String old = live.model();
    if (model.equals(old)) {
      throw new CliException("the live index already uses " + model);
    }
    if (client.trySend(Stack.REEMBED_WORKER, index(Stack.REEMBED_WORKER)).isPresent()) {
      throw new CliException(
          "a re-embed is already running (see " + stack.logOf(Stack.REEMBED_WORKER) + ")");
    }
    say(
        "Building the "
            + model
            + " index beside the live "
            + old
            + " index;"
            + " recommend-api keeps serving "
            + old
            + ".");
    boolean[] switched = {false};
    Thread cleanUp =
        new Thread(
            () -> {
              if (!switched[0]) {
                processes.stop(Stack.REEMBED_WORKER);
              }
            },
            "stop-reembed-worker");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    try {
      processes.start(Stack.REEMBED_WORKER, "--model", model);
      IndexStatus built = waitUntilCaughtUp(model, live.titles());
      say("  " + model + ": " + built.titles() + " titles embedded, caught up with the catalogue.");
      promote();
      writeStackModel(model);
      switched[0] = true;
      say("Switched: the live index is now " + model + ".");
    } finally {
      if (!switched[0]) {
        say("Re-embed stopped; the live index is unchanged.");
        processes.stop(Stack.REEMBED_WORKER);
      }
      removeHook(cleanUp);
    }
    // The live worker goes on with the new model from where the re-embed stopped (same group).
    processes.stop(Stack.EMBEDDING_WORKER);
    processes.stop(Stack.REEMBED_WORKER);
    processes.start(Stack.EMBEDDING_WORKER);
    waitForRecommendApi(model);
    say(
        "recommend-api answers with "
            + model
            + ". The "
            + old
            + " index stays beside it in the"
            + " stack's vector store: switching back");
    say(
        "(bin/moviedb reembed --model "
            + old
            + ") only catches up on changes since; delete it"
            + " once you are sure.");
  }

  /**
   * Follows the staging index until it holds every catalogue record, and reports the steady-state
   * throughput from the topic to searchable: from the first titles seen in the new index until it
   * holds as many as the live one (start-up and consumer-group join left out).
   */
  private IndexStatus waitUntilCaughtUp(String model, long liveTitles) throws InterruptedException {
    long t0 = 0;
    long n0 = 0;
    long t1 = 0;
    long n1 = 0;
    long nextProgress = 0;
    while (true) {
      Optional<Answer> answer = client.trySend(Stack.REEMBED_WORKER, index(Stack.REEMBED_WORKER));
      if (answer.isEmpty()) {
        throw new CliException(
            "the re-embedding worker stopped; see " + stack.logOf(Stack.REEMBED_WORKER));
      }
      IndexStatus status = read(answer.get());
      long now = System.nanoTime();
      if (t0 == 0 && status.titles() > 0) {
        t0 = now;
        n0 = status.titles();
      }
      if (t1 == 0 && status.titles() >= liveTitles) {
        t1 = now;
        n1 = status.titles();
      }
      if (status.caughtUp()) {
        if (t0 != 0 && t1 > t0 && n1 > n0) {
          double seconds = (t1 - t0) / 1e9;
          out.printf(
              "  throughput: %d titles in %.1f s = %.1f titles/s (topic -> searchable, steady"
                  + " state)%n",
              n1 - n0, seconds, (n1 - n0) / seconds);
        }
        return status;
      }
      if (now >= nextProgress) {
        say(
            "  "
                + model
                + ": "
                + status.titles()
                + " of about "
                + liveTitles
                + " titles embedded, "
                + (status.pendingRecords() < 0 ? "?" : String.valueOf(status.pendingRecords()))
                + " catalogue records to go");
        nextProgress = now + PROGRESS_EVERY.toNanos();
      }
      Thread.sleep(500);
    }
  }

  private void promote() {
    Answer answer =
        client.send(
            Stack.REEMBED_WORKER,
            HttpRequest.newBuilder(client.uri(Stack.REEMBED_WORKER, "/v1/index/promote"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (!answer.ok()) {
      throw new CliException("the switch was refused: " + StackClient.messageOf(answer));
    }
  }

  private void writeStackModel(String model) throws IOException {
    if (stack.modelFile() == null) {
      throw new CliException("the stack's model file is unknown: run this through bin/moviedb");
    }
    Files.writeString(stack.modelFile(), model + "\n");
  }

  private void waitForRecommendApi(String model) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + SWITCH_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Answer> answer =
          client.trySend(
              Stack.RECOMMEND_API,
              StackClient.get(
                  client.uri(Stack.RECOMMEND_API, "/v1/recommendations?q=warm+up&limit=1")));
      if (answer.isPresent() && answer.get().ok()) {
        JsonNode body = StackClient.JSON.readTree(answer.get().body());
        if (model.equals(body.path("meta").path("model").asText())) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new CliException(
        "recommend-api did not switch to " + model + "; see " + stack.logOf(Stack.RECOMMEND_API));
  }

  private HttpRequest index(String worker) {
    return StackClient.get(client.uri(worker, "/v1/index"));
  }

  private static IndexStatus read(Answer answer) {
    StackClient.ensureOk(Stack.REEMBED_WORKER, answer);
    try {
      return StackClient.JSON.readValue(answer.body(), IndexStatus.class);
    } catch (IOException e) {
      throw new CliException("the re-embedding worker answered something unreadable: " + e);
    }
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs
    }
  }
}
