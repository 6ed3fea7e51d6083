package dev.moviedb.cli.bench;

import picocli.CommandLine.Command;

/** {@code moviedb bench SUBCOMMAND}: the benchmarks of a running stack (docs/BENCHMARKS.md). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures the running stack; docs/BENCHMARKS.md records the results.",
    subcommands = {
      LoadHarness.class,
      PipelineBenchmark.class,
      ReembedBenchmark.class,
      TasteBenchmark.class,
      TasteSignalBenchmark.class
    })
public final class BenchCommand {}
