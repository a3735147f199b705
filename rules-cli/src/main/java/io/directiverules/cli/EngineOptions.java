package io.directiverules.cli;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every command that loads rules shares: extra rule folders, parameter overrides and run-away limits. */
final class EngineOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of DRL files to add; a file named like a bundled one replaces it. Repeatable.")
    List<Path> ruleFolders = new ArrayList<>();

    @Option(names = "--params", paramLabel = "FILE", description = "A YAML or JSON file of parameter overrides.")
    Path parameters;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Stop an evaluation as a run-away after N rule firings (default: 5000000).")
    Long maxFirings;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop an evaluation as a run-away after this many seconds (default: 60).")
    Double timeLimitSeconds;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Evaluate top-level unit subtrees on N threads, merged into the same report as one session"
                    + " (default: the number of processors; 1 for a single session).")
    Integer parallelism;

    /** An engine with the bundled modules, these folders and overrides. */
    ComplianceEngine build() {
        ComplianceEngine.Builder builder = ComplianceEngine.builder().discoverModules();
        ruleFolders.forEach(builder::ruleFolder);
        if (parameters != null) {
            builder.parameters(parameters);
        }
        if (maxFirings != null) {
            if (maxFirings < 1) {
                throw new InvalidInputException(List.of(InputError.of("--max-firings", null, "must be positive")));
            }
            builder.maxFirings(maxFirings);
        }
        if (timeLimitSeconds != null) {
            long millis = Math.round(timeLimitSeconds * 1000);
            if (millis < 1) {
                throw new InvalidInputException(List.of(InputError.of("--time-limit", null, "must be positive")));
            }
            builder.timeLimit(java.time.Duration.ofMillis(millis));
        }
        int threads = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new InvalidInputException(List.of(InputError.of("--parallelism", null, "must be positive")));
        }
        builder.parallelism(threads);
        return builder.build();
    }
}
