package io.directiverules.cli;

import io.directiverules.testkit.generate.MinistryGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code directive-rules generate}: writes a synthetic ministry's facts of any size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a realistic synthetic facts file (JSON) of a fictional ministry: the same file for"
                + " the same size and seed on any machine. For benchmarks and trials.",
                "Evaluate it with: evaluate --facts FILE --as-of DATE (the date printed)."})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--officials", paramLabel = "N", required = true,
            description = "Number of officials (at least 50); units and every other list follow in proportion.")
    int officials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2025-07-31",
            description = "The evaluation date the facts are made for (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The facts file to write (.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out: the file must end in .json");
        }
        MinistryGenerator generator;
        try {
            generator = MinistryGenerator.builder().officials(officials).seed(seed).asOf(asOf).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--officials: " + e.getMessage());
        }
        // Streamed to a temporary file beside the target, then moved: whole or not at all, at any size.
        Map<String, Integer> counts = new java.util.HashMap<>();
        AtomicOutput.write(out, temporary -> counts.putAll(generator.writeJson(temporary)));
        PrintWriter printed = spec.commandLine().getOut();
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        printed.printf("Wrote %s: %,d facts (%,d units, %,d officials), seed %d, to evaluate as of %s.%n", out, total,
                generator.units(), generator.officials(), seed, generator.asOf());
        counts.forEach((list, count) -> printed.printf("  %-18s %,12d%n", list, count));
        printed.flush();
        return DirectiveRulesCommand.OK;
    }
}
