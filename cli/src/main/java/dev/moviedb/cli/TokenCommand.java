package dev.moviedb.cli;

import dev.moviedb.cli.stack.Stack;
import dev.moviedb.identity.LocalIssuer;
import dev.moviedb.identity.Roles;
import dev.moviedb.identity.UserIds;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moviedb token USER [--admin]}: a bearer token of the local stack's issuer. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a bearer token for USER, signed by the local stack's issuer, as the last line.",
      "Send it as 'Authorization: Bearer <token>'. The services of this stack accept it; no",
      "other deployment does (they trust their OIDC provider)."
    })
final class TokenCommand implements Callable<Integer> {

  @Parameters(paramLabel = "USER", description = "the user the token speaks for (its subject)")
  String user;

  @Option(
      names = "--admin",
      description = "with the admin role: catalogue, index, and every user's data")
  boolean admin;

  @Option(
      names = "--hours",
      defaultValue = "12",
      description = "how long the token is valid, at most 168 (${DEFAULT-VALUE})")
  int hours;

  @Spec CommandSpec spec;

  private final Stack stack;

  TokenCommand(Stack stack) {
    this.stack = stack;
  }

  @Override
  public Integer call() {
    if (!UserIds.isValid(user)) {
      throw new CliException("USER '" + user + "' " + UserIds.MESSAGE, 2);
    }
    if (hours < 1 || hours > LocalIssuer.MAX_LIFETIME.toHours()) {
      throw new CliException(
          "--hours must be between 1 and " + LocalIssuer.MAX_LIFETIME.toHours(), 2);
    }
    if (stack.issuer() == null) {
      throw new CliException(
          "the local issuer is unknown: run this command through bin/moviedb, which keeps its keys"
              + " in $MOVIEDB_HOME/issuer");
    }
    Duration lifetime = Duration.ofHours(hours);
    String token = LocalIssuer.createOrLoad(stack.issuer()).token(user, admin, lifetime);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Bearer token for %s (%s), valid until %s; send it as 'Authorization: Bearer <token>':%n",
        user,
        admin ? "role " + Roles.ADMIN : "no role",
        Instant.now().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    out.println(token);
    out.flush();
    return 0;
  }
}
