package dev.moviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.identity.LocalIssuer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a user meets it, in process: arguments, help, and every error in one line
 * (bad arguments, missing files, a stack that is not running, a server that refuses).
 */
class MoviedbCommandLineTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private record Result(int exitCode, String out, String err) {}

  private Result run(Stack stack, String... args) {
    CommandLine cli = Moviedb.commandLine(stack);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Result run(String... args) {
    return run(stack(Map.of()), args);
  }

  /** A stack whose processes are all at ports where nothing listens, except those given. */
  private static Stack stack(Map<String, Integer> overrides) {
    int closed = closedPort();
    Map<String, Integer> ports = new java.util.HashMap<>();
    for (String p :
        List.of(
            Stack.CATALOG_INGEST,
            Stack.EMBEDDING_WORKER,
            Stack.REEMBED_WORKER,
            Stack.TASTE_PROFILE_SERVICE,
            Stack.RECOMMEND_API,
            Stack.KAFKA)) {
      ports.put(p, overrides.getOrDefault(p, closed));
    }
    return new Stack("127.0.0.1", ports, null, Path.of("/stack/logs"), null);
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server answering every request with this status, type and body. */
  private int serverAnswering(int status, String contentType, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void assertOneLine(String text) {
    assertThat(text).endsWith("\n");
    assertThat(text.strip()).doesNotContain("\n").doesNotContain("\tat ").startsWith("moviedb: ");
  }

  @Test
  void token_printsABearerTokenOfTheLocalIssuerAsTheLastLine() throws Exception {
    Stack stack = new Stack("127.0.0.1", Map.of(), null, null, null, dir.resolve("issuer"));

    Result user = run(stack, "token", "anna");
    String[] lines = user.out().strip().split("\\R");
    String token = lines[lines.length - 1];

    assertThat(user.exitCode()).isZero();
    assertThat(lines[0]).contains("anna").contains("no role");
    var claims =
        new org.jose4j.jwt.consumer.JwtConsumerBuilder()
            .setVerificationKey(LocalIssuer.load(dir.resolve("issuer")).publicKey())
            .setExpectedAudience(LocalIssuer.AUDIENCE)
            .build()
            .processToClaims(token);
    assertThat(claims.getSubject()).isEqualTo("anna");
    assertThat(claims.getStringListClaimValue("groups")).isEmpty();

    Result admin = run(stack, "token", "ops", "--admin");
    assertThat(admin.out()).contains("role admin");
  }

  @Test
  void token_forANameOutsideTheRule_orWithoutTheStacksIssuer_saysWhy() {
    Result bad =
        run(new Stack("127.0.0.1", Map.of(), null, null, null, dir.resolve("i")), "token", "a b");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertOneLine(bad.err());
    assertThat(bad.err()).contains("letters, digits");

    Result none = run("token", "anna");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("run this command through bin/moviedb");
  }

  @Test
  void requests_carryTheCommandsAdminToken_andAHistoryItsUsersOwn() throws Exception {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    Stack stack =
        new Stack(
            "127.0.0.1",
            Map.of(Stack.TASTE_PROFILE_SERVICE, port, Stack.CATALOG_INGEST, port),
            null,
            null,
            null,
            dir.resolve("issuer"));
    Path csv = file("NetflixViewingHistory.csv", "Title,Date\n");
    Path jsonl = file("titles.jsonl", "{}\n");

    assertThat(run(stack, "history", "anna", csv.toString()).exitCode()).isZero();
    assertThat(run(stack, "import", jsonl.toString()).exitCode()).isZero();

    LocalIssuer issuer = LocalIssuer.load(dir.resolve("issuer"));
    var consumer =
        new org.jose4j.jwt.consumer.JwtConsumerBuilder()
            .setVerificationKey(issuer.publicKey())
            .setExpectedAudience(LocalIssuer.AUDIENCE)
            .build();
    assertThat(seen).hasSize(2).allMatch(h -> h != null && h.startsWith("Bearer "));
    var history = consumer.processToClaims(seen.get(0).substring("Bearer ".length()));
    var imports = consumer.processToClaims(seen.get(1).substring("Bearer ".length()));
    assertThat(history.getSubject()).isEqualTo("anna");
    assertThat(history.getStringListClaimValue("groups")).isEmpty();
    assertThat(imports.getStringListClaimValue("groups")).containsExactly("admin");
  }

  @Test
  void noCommand_saysOneIsMissing_andWhereTheHelpIs() {
    Result r = run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertOneLine(r.err());
    assertThat(r.err()).contains("Missing required subcommand").contains("bin/moviedb --help");
  }

  @Test
  void importWithoutAFile_namesTheMissingParameter() {
    Result r = run("import");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "moviedb: Missing required parameter: 'FILE' (bin/moviedb import --help)"
                + System.lineSeparator());
  }

  @Test
  void unknownOption_isNamed() {
    Result r = run("history", "anna", "x.csv", "--bogus");
    assertThat(r.exitCode()).isEqualTo(2);
    assertOneLine(r.err());
    assertThat(r.err())
        .contains("Unknown option: '--bogus'")
        .contains("(bin/moviedb history --help)");
  }

  @Test
  void reembedWithoutAModel_namesTheMissingOption() {
    Result r = run("reembed");
    assertThat(r.exitCode()).isEqualTo(2);
    assertOneLine(r.err());
    assertThat(r.err()).contains("Missing required option: '--model=MODEL'");
  }

  @Test
  void benchWithoutWhatToMeasure_saysASubcommandIsMissing() {
    Result r = run("bench");
    assertThat(r.exitCode()).isEqualTo(2);
    assertOneLine(r.err());
    assertThat(r.err())
        .contains("Missing required subcommand")
        .contains("(bin/moviedb bench --help)");
  }

  @Test
  void theOldBenchmarkNames_areUnknown() {
    Result r = run("bench-pipeline");
    assertThat(r.exitCode()).isEqualTo(2);
    assertOneLine(r.err());
    assertThat(r.err()).contains("bench-pipeline");
  }

  @Test
  void importOfAFileThatDoesNotExist_saysSo() {
    Path missing = dir.resolve("nope.csv");
    Result r = run("import", missing.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("moviedb: no such file: " + missing + System.lineSeparator());
  }

  @Test
  void historyOfAFileThatDoesNotExist_saysSo() {
    Result r = run("history", "anna", dir.resolve("NetflixViewingHistory.csv").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("moviedb: no such file: ").contains("NetflixViewingHistory.csv");
  }

  @Test
  void benchPipelineOfAMissingCatalogue_saysSo() {
    Result r = run("bench", "pipeline", "--catalog", dir.resolve("none.csv").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("moviedb: no such file: ").contains("none.csv");
  }

  @Test
  void benchReembed_withoutARunningStack_saysSoBeforeMeasuringTheRawModel() throws IOException {
    Result r =
        run(
            "bench",
            "reembed",
            "--model",
            "all-minilm-l6-v2-q",
            "--catalog",
            file("netflix_titles.csv", "show_id\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertOneLine(r.err());
    assertThat(r.err()).contains("embedding-worker does not answer");
    assertThat(r.out()).doesNotContain("raw model");
  }

  @Test
  void aStackThatIsNotRunning_isSaidInOneLine_withWhatToDo() throws IOException {
    Stack stack = stack(Map.of());
    Result r = run(stack, "history", "anna", file("h.csv", "Title,Date\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertOneLine(r.err());
    assertThat(r.err())
        .contains(
            "taste-profile-service does not answer on 127.0.0.1:"
                + stack.port(Stack.TASTE_PROFILE_SERVICE))
        .contains("bin/moviedb up");
  }

  @Test
  void aRefusal_printsTheProblemDetail_ofAnRfc9457Answer() throws IOException {
    int port =
        serverAnswering(
            400,
            "application/problem+json",
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"line 2, Date: 'yesterday' is not a date\"}");
    Result r =
        run(
            stack(Map.of(Stack.TASTE_PROFILE_SERVICE, port)),
            "history",
            "anna",
            file("h.csv", "Title,Date\nDark,yesterday\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "moviedb: taste-profile-service answered 400: line 2, Date: 'yesterday' is not a date"
                + System.lineSeparator());
  }

  @Test
  void aRefusal_printsTheError_ofMovieDbsOlderErrorAnswers() throws IOException {
    int port =
        serverAnswering(
            415,
            "application/json",
            "{\"status\":415,\"error\":\"send text/csv\\nor JSON lines\"}");
    Result r =
        run(
            stack(Map.of(Stack.CATALOG_INGEST, port)),
            "import",
            file("titles.jsonl", "{}\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "moviedb: catalog-ingest answered 415: send text/csv; or JSON lines"
                + System.lineSeparator());
  }

  @Test
  void aFailedImport_showsCatalogIngestsReport_thenSaysItFailed() throws IOException {
    String report =
        "Import i1 of titles.csv (csv, upsert): FAILED in 0.1 s\n"
            + "  line 2, release_year: 'soon' is not a year\n";
    int port = serverAnswering(400, "text/plain;charset=UTF-8", report);
    Result r =
        run(
            stack(Map.of(Stack.CATALOG_INGEST, port)),
            "import",
            file("titles.csv", "show_id\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(report);
    assertOneLine(r.err());
    assertThat(r.err()).contains("the import of titles.csv did not complete").contains("400");
  }

  @Test
  void aCommandRunWithoutBinMoviedb_saysWhereItsPortsComeFrom() throws IOException {
    Stack bare = new Stack("127.0.0.1", Map.of(), null, null, null);
    Result r = run(bare, "history", "anna", file("h.csv", "Title,Date\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertOneLine(r.err());
    assertThat(r.err()).contains("run this command through bin/moviedb");
  }

  @Test
  void anUnexpectedFailure_isStillOneLine() {
    assertThat(Moviedb.describe(new NullPointerException()))
        .isEqualTo("unexpected NullPointerException (MOVIEDB_DEBUG=1 shows where)");
  }

  @Test
  void everyCommand_hasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Moviedb.commandLine(stack(Map.of())), new ArrayList<>(), paths);
    assertThat(paths)
        .contains(
            List.of("import"),
            List.of("history"),
            List.of("reembed"),
            List.of("eval"),
            List.of("bench", "load"),
            List.of("bench", "pipeline"),
            List.of("bench", "reembed"),
            List.of("bench", "taste"),
            List.of("bench", "signals"));
    for (List<String> path : paths) {
      out.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Result r = run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).startsWith("Usage: bin/moviedb " + String.join(" ", path));
    }
  }

  @Test
  void binMoviedbHelp_listsEveryCommand() throws Exception {
    Path root = Path.of(System.getProperty("moviedb.project-root", ".."));
    Process p =
        new ProcessBuilder("bash", root.resolve("bin/moviedb").toString(), "help")
            .redirectErrorStream(true)
            .start();
    String usage = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(usage).isZero();

    List<List<String>> paths = new ArrayList<>();
    collect(Moviedb.commandLine(stack(Map.of())), new ArrayList<>(), paths);
    for (List<String> path : paths) {
      assertThat(usage)
          .as("bin/moviedb help")
          .containsPattern("(?m)^  " + String.join(" ", path) + "( |$)");
    }
    for (String own : List.of("up", "status", "down", "start PROCESS", "stop PROCESS", "help")) {
      assertThat(usage).containsPattern("(?m)^  " + own + "( |$)");
    }
    assertThat(usage).contains("kafka redis catalog-ingest embedding-worker");
  }

  /** Every runnable command, as the words that reach it. */
  private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
    if (!path.isEmpty()
        && cli.getCommandSpec().userObject() instanceof java.util.concurrent.Callable) {
      into.add(List.copyOf(path));
    }
    for (var sub : cli.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      collect(sub.getValue(), next, into);
    }
  }
}
