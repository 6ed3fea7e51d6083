package dev.moviedb.cli.bench;

import dev.moviedb.cli.Reembed;
import dev.moviedb.cli.stack.IndexStatus;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.evaluation.Catalogue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A re-embed against the raw model: first the new model alone embeds the catalogue's document texts
 * in this JVM while the stack is idle, then {@code bin/moviedb reembed} runs and reports its
 * steady-state titles/s from the topic to searchable.
 */
@Command(
    name = "reembed",
    mixinStandardHelpOptions = true,
    description =
        "The raw model's titles/s, then a timed re-embed of the stack to that model (it stays"
            + " switched).")
public final class ReembedBenchmark implements Callable<Integer> {

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "the model to re-embed with")
  String model;

  @Option(
      names = "--catalog",
      required = true,
      paramLabel = "FILE",
      description = "the catalogue the stack holds (netflix_titles.csv), for the raw model's run")
  Path catalog;

  @Mixin RawModel rawModel;

  @Spec CommandSpec spec;

  private final Stack stack;

  ReembedBenchmark(Stack stack) {
    this.stack = stack;
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(catalog)) {
      throw new NoSuchFileException(catalog.toString());
    }
    // The stack must run before the raw model spends minutes on the catalogue.
    new StackClient(stack).get(Stack.EMBEDDING_WORKER, "/v1/index", IndexStatus.class);
    PrintWriter out = spec.commandLine().getOut();
    List<String> texts = Catalogue.load(catalog).documentTexts();
    out.printf(
        "raw model %s: %.1f titles/s over the %d titles of %s%n",
        model, rawModel.titlesPerSecond(model, texts), texts.size(), catalog.getFileName());
    out.flush();
    new Reembed(stack, out).run(model);
    return 0;
  }
}
