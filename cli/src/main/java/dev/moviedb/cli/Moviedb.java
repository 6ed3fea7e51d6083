package dev.moviedb.cli;

import dev.moviedb.cli.bench.BenchCommand;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.evaluation.Evaluate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands of {@code bin/moviedb} that talk to a running stack or measure it. The bash script
 * starts and stops processes and hands everything else to this class, with the stack's ports in
 * system properties ({@link Stack}).
 *
 * <p>A new command is one class: a picocli {@code @Command} that implements {@code Callable}, takes
 * the {@link Stack} in its constructor if it needs one, and is listed in {@code subcommands} below
 * (and in the usage text of {@code bin/moviedb}, which a test checks).
 */
@Command(
    name = "moviedb",
    mixinStandardHelpOptions = true,
    version = "MovieDB 0.1.0",
    description = "Commands for MovieDB's local stack (run them through bin/moviedb).",
    subcommands = {
      ImportCommand.class,
      HistoryCommand.class,
      TokenCommand.class,
      ReembedCommand.class,
      Evaluate.class,
      BenchCommand.class
    })
public final class Moviedb {

  public static void main(String[] args) {
    System.exit(commandLine(Stack.fromSystemProperties()).execute(args));
  }

  /** The command line of a stack, with one-line errors. */
  public static CommandLine commandLine(Stack stack) {
    CommandLine cli = new CommandLine(new Moviedb(), new StackFactory(stack));
    cli.setCommandName("bin/moviedb"); // as the user types it, in usage and error lines
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine command = ex.getCommandLine();
          command
              .getErr()
              .println(
                  "moviedb: "
                      + oneLine(ex.getMessage())
                      + " ("
                      + command.getCommandSpec().qualifiedName()
                      + " --help)");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, command, parsed) -> {
          PrintWriter err = command.getErr();
          err.println("moviedb: " + describe(ex));
          if (System.getenv("MOVIEDB_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return ex instanceof CliException c ? c.exitCode() : 1;
        });
    return cli;
  }

  /** One line for a failure: the message of a known kind, else its type and message. */
  static String describe(Throwable e) {
    if (e instanceof UncheckedIOException u) {
      e = u.getCause();
    }
    if (e instanceof CliException) {
      return oneLine(e.getMessage());
    }
    if (e instanceof NoSuchFileException f) {
      return "no such file: " + f.getFile();
    }
    if (e instanceof IOException) {
      return "cannot read or write a file: " + oneLine(String.valueOf(e.getMessage()));
    }
    if ((e instanceof IllegalArgumentException || e instanceof IllegalStateException)
        && e.getMessage() != null) {
      return oneLine(e.getMessage());
    }
    return "unexpected "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
        + " (MOVIEDB_DEBUG=1 shows where)";
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  /** Gives the stack to every command whose constructor takes one. */
  private record StackFactory(Stack stack) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Stack.class) {
          c.setAccessible(true);
          return type.cast(c.newInstance(stack));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
