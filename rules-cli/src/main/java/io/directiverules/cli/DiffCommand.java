package io.directiverules.cli;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.io.FactsReader;
import io.directiverules.testkit.Impact;
import io.directiverules.testkit.RuleChangeImpact;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code directive-rules diff}: the impact of a rule or parameter change on the same facts. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Evaluates the same facts with the base rules (--base, --base-params) and the changed rules"
                + " (--rules, --params), and lists the violations and actions that appear, disappear or change,"
                + " by rule and by unit, then a one-line summary.",
                "The facts are the bundled sample unless --facts or --scenarios is given."})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--base", paramLabel = "DIR",
            description = "A folder of DRL files for the base rule set (default: the bundled rules). Repeatable.")
    List<Path> baseFolders = new ArrayList<>();

    @Option(names = "--base-params", paramLabel = "FILE", description = "Parameter overrides of the base side.")
    Path baseParameters;

    @Mixin
    EngineOptions changed = new EngineOptions();

    @Option(names = "--facts", paramLabel = "FILE", description = "The facts document to evaluate (JSON or YAML).")
    Path facts;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The evaluation date; default: the sample's date, or today for --facts.")
    LocalDate asOf;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Evaluate the facts of every scenario under these files or folders, each on its date.")
    List<Path> scenarios = new ArrayList<>();

    @Override
    public Integer call() {
        if (facts != null && !scenarios.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --facts or --scenarios, not both");
        }
        if (asOf != null && !scenarios.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--as-of does not apply to --scenarios: each scenario has its own date");
        }
        RuleChangeImpact impact = RuleChangeImpact.between(() -> builder(baseFolders, baseParameters),
                () -> builder(changed.ruleFolders, changed.parameters));
        // Both sides are built first, so that rules that do not compile stop here (exit 3).
        impact.baseEngine();
        impact.changedEngine();
        Impact result;
        if (!scenarios.isEmpty()) {
            result = impact.ofScenarios(scenarios);
        } else if (facts != null) {
            result = impact.of(FactsReader.strict().read(facts), asOf != null ? asOf : LocalDate.now());
        } else {
            result = impact.ofSample(asOf);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Base:    " + describe(baseFolders, baseParameters));
        out.println("Changed: " + describe(changed.ruleFolders, changed.parameters));
        out.println("Facts:   " + (!scenarios.isEmpty() ? "scenarios under " + join(scenarios)
                : facts != null ? facts.toString() : "the bundled sample"));
        out.println();
        out.print(result.toText());
        out.flush();
        return DirectiveRulesCommand.OK;
    }

    private static ComplianceEngine.Builder builder(List<Path> folders, Path parameters) {
        ComplianceEngine.Builder builder = ComplianceEngine.builder().discoverModules();
        folders.forEach(builder::ruleFolder);
        if (parameters != null) {
            builder.parameters(parameters);
        }
        return builder;
    }

    private static String describe(List<Path> folders, Path parameters) {
        return "bundled rules" + (folders.isEmpty() ? "" : " + " + join(folders))
                + (parameters == null ? "" : ", parameters " + parameters);
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
