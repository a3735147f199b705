package io.directiverules.cli;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.testkit.Coverage;
import io.directiverules.testkit.Scenario;
import io.directiverules.testkit.ScenarioReader;
import io.directiverules.testkit.ScenarioResult;
import io.directiverules.testkit.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code directive-rules test}: runs scenario files and says which pass. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs scenario files (folders are searched recursively): one line per scenario, then"
                + " 'N passed, N failed'. Exit status 1 when any scenario fails."})
final class TestCommand implements Callable<Integer> {
    /** Where scenarios are looked for when no PATH is given. */
    static final Path DEFAULT_PATH = Path.of("src", "test", "scenarios");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Scenario files or folders (default: src/test/scenarios).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--coverage", description = "After the results, list every rule and legal citation with the"
            + " number of scenarios that exercised it, and those never exercised.")
    boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "SHARE", description = "Fail the run (exit 1) when less than"
            + " this share (0 to 1) of the rules, or of the legal citations, was exercised; implies --coverage.")
    Double minCoverage;

    @Override
    public Integer call() {
        if (minCoverage != null && (minCoverage < 0 || minCoverage > 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--min-coverage: a share from 0 to 1, not " + minCoverage);
        }
        List<Path> roots = paths;
        if (roots.isEmpty()) {
            if (!Files.isDirectory(DEFAULT_PATH)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no PATH given and no " + DEFAULT_PATH + " folder here");
            }
            roots = List.of(DEFAULT_PATH);
        }
        List<Scenario> scenarios = readAll(ScenarioReader.files(roots));
        ScenarioRunner runner = ScenarioRunner.with(this::baseBuilder).withRuleFolders(engineOptions.ruleFolders);
        // Building the run's own rule set first tells broken rules (exit 3) from failing scenarios.
        runner.baseEngine();
        PrintWriter out = spec.commandLine().getOut();
        List<ScenarioResult> results = new ArrayList<>();
        int failed = 0;
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(scenario);
            results.add(result);
            out.println((result.passed() ? "PASS  " : "FAIL  ") + scenario.name() + "  (" + scenario.location() + ")");
            if (!result.passed()) {
                failed++;
                result.failures().forEach(f -> out.println("      " + f.message().replace("\n", "\n      ")));
            }
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        boolean enough = true;
        if (coverage || minCoverage != null) {
            Coverage measured = Coverage.of(results);
            out.println();
            out.print(measured.toText());
            if (minCoverage != null && !measured.meets(minCoverage)) {
                enough = false;
                out.println(measured.shortfall(minCoverage).lines().findFirst().orElse(""));
            }
        }
        out.flush();
        return failed > 0 || !enough ? DirectiveRulesCommand.FINDINGS : DirectiveRulesCommand.OK;
    }

    /** Every scenario of every file, or every error of every file at once. */
    private static List<Scenario> readAll(List<Path> files) {
        List<Scenario> scenarios = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (Path file : files) {
            try {
                scenarios.addAll(ScenarioReader.read(file));
            } catch (InvalidInputException invalid) {
                errors.addAll(invalid.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return scenarios;
    }

    private ComplianceEngine.Builder baseBuilder() {
        ComplianceEngine.Builder builder = ComplianceEngine.builder().discoverModules();
        if (engineOptions.parameters != null) {
            builder.parameters(engineOptions.parameters);
        }
        return builder;
    }
}
