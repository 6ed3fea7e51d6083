package dev.moviedb.cli;

import dev.moviedb.cli.stack.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moviedb reembed --model MODEL}. */
@Command(
    name = "reembed",
    mixinStandardHelpOptions = true,
    description = {
      "Re-embeds the catalogue with another model beside the live index, then switches to it"
          + " while recommend-api keeps answering."
    })
final class ReembedCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "the new model, e.g. all-minilm-l6-v2-q or bge-small-en-v1.5-q")
  String model;

  @Spec CommandSpec spec;

  private final Stack stack;

  ReembedCommand(Stack stack) {
    this.stack = stack;
  }

  @Override
  public Integer call() throws Exception {
    new Reembed(stack, spec.commandLine().getOut()).run(model);
    return 0;
  }
}
