package io.directiverules.cli;

import io.directiverules.core.ComplianceEngine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every command that loads rules shares: extra rule folders and parameter overrides. */
final class EngineOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of DRL files to add; a file named like a bundled one replaces it. Repeatable.")
    List<Path> ruleFolders = new ArrayList<>();

    @Option(names = "--params", paramLabel = "FILE", description = "A YAML or JSON file of parameter overrides.")
    Path parameters;

    /** An engine with the bundled modules, these folders and overrides. */
    ComplianceEngine build() {
        ComplianceEngine.Builder builder = ComplianceEngine.builder().discoverModules();
        ruleFolders.forEach(builder::ruleFolder);
        if (parameters != null) {
            builder.parameters(parameters);
        }
        return builder.build();
    }
}
