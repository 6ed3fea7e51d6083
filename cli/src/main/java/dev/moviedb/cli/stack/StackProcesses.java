package dev.moviedb.cli.stack;

import dev.moviedb.cli.CliException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts and stops processes of the stack through {@code bin/moviedb start|stop}, the one place
 * that knows how each process is run. Their output goes to this process's terminal.
 */
public final class StackProcesses {

  private final Stack stack;

  public StackProcesses(Stack stack) {
    this.stack = stack;
  }

  /** {@code bin/moviedb start NAME ARGS...}: returns once the process is healthy. */
  public void start(String process, String... args) {
    run("start", process, Map.of(), args);
  }

  /**
   * {@code bin/moviedb start NAME} with these environment variables added (settings such as {@code
   * MOVIEDB_RATE_LIMIT_REQUESTS_PER_SECOND}): returns once the process is healthy.
   */
  public void start(String process, Map<String, String> environment) {
    run("start", process, environment);
  }

  /** {@code bin/moviedb stop NAME}: returns once the process has ended. */
  public void stop(String process) {
    run("stop", process, Map.of());
  }

  private void run(String verb, String process, Map<String, String> environment, String... args) {
    if (stack.script() == null) {
      throw new CliException(
          "cannot " + verb + " " + process + ": run this command through bin/moviedb");
    }
    List<String> command = new ArrayList<>(List.of("bash", stack.script().toString(), verb));
    command.add(process);
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().putAll(environment);
      Process p = builder.start();
      int rc = p.waitFor();
      if (rc != 0) {
        throw new CliException(
            "bin/moviedb " + verb + " " + process + " failed (exit code " + rc + ")");
      }
    } catch (IOException e) {
      throw new CliException("cannot run bin/moviedb " + verb + " " + process + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted during bin/moviedb " + verb + " " + process);
    }
  }
}
