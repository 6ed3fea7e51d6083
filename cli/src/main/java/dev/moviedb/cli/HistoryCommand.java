package dev.moviedb.cli;

import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.cli.stack.StackClient.Answer;
import dev.moviedb.identity.UserIds;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moviedb history USER FILE}: a Netflix viewing-history export for a user. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads a Netflix export for USER to taste-profile-service and prints its report (JSON).",
      "FILE is NetflixViewingHistory.csv, ViewingActivity.csv, Ratings.csv or the export's zip."
    })
final class HistoryCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "USER", description = "the user the history belongs to")
  String user;

  @Parameters(index = "1", paramLabel = "FILE", description = "the export file")
  Path file;

  @Option(
      names = "--profile",
      description = "only this Netflix profile's rows (ViewingActivity.csv, Ratings.csv)")
  String profile;

  @Option(
      names = "--date-format",
      description = "the file's date pattern, e.g. dd-MM-yy (default: detected)")
  String dateFormat;

  @Spec CommandSpec spec;

  private final StackClient client;

  HistoryCommand(Stack stack) {
    this.client = new StackClient(stack);
  }

  @Override
  public Integer call() throws Exception {
    if (!UserIds.isValid(user)) {
      throw new CliException("USER '" + user + "' " + UserIds.MESSAGE, 2);
    }
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    String name = file.getFileName().toString();
    StringBuilder path =
        new StringBuilder("/v1/users/")
            .append(URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20"))
            .append("/history?name=")
            .append(URLEncoder.encode(name, StandardCharsets.UTF_8));
    if (profile != null) {
      path.append("&profile=").append(URLEncoder.encode(profile, StandardCharsets.UTF_8));
    }
    if (dateFormat != null) {
      path.append("&dateFormat=").append(URLEncoder.encode(dateFormat, StandardCharsets.UTF_8));
    }
    boolean zip = name.toLowerCase(Locale.ROOT).endsWith(".zip");
    HttpRequest request;
    try {
      request =
          client
              .asUser(
                  HttpRequest.newBuilder(client.uri(Stack.TASTE_PROFILE_SERVICE, path.toString())),
                  user)
              .header("Content-Type", zip ? "application/zip" : "text/csv")
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (FileNotFoundException e) {
      throw new NoSuchFileException(file.toString());
    }
    Answer answer =
        StackClient.ensureOk(
            Stack.TASTE_PROFILE_SERVICE, client.send(Stack.TASTE_PROFILE_SERVICE, request));
    PrintWriter out = spec.commandLine().getOut();
    out.println(answer.body());
    out.flush();
    return 0;
  }
}
