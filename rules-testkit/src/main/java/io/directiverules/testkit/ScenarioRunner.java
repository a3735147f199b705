package io.directiverules.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.EvaluationException;
import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.RuleLoadException;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;
import io.directiverules.testkit.ScenarioResult.Failure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs scenarios. An engine is built once per rule set and parameter set (the scenario's rule folders and
 * parameter overrides) and shared by every scenario that uses the same ones. Thread-safe.
 */
public final class ScenarioRunner {
    private final Supplier<ComplianceEngine.Builder> baseEngine;
    private final List<Path> extraRuleFolders;
    private final Map<String, EngineOrError> engines = new ConcurrentHashMap<>();

    private ScenarioRunner(Supplier<ComplianceEngine.Builder> baseEngine, List<Path> extraRuleFolders) {
        this.baseEngine = baseEngine;
        this.extraRuleFolders = List.copyOf(extraRuleFolders);
    }

    /** A runner over the rule modules found on the class path. */
    public static ScenarioRunner withDiscoveredModules() {
        return new ScenarioRunner(() -> ComplianceEngine.builder().discoverModules(), List.of());
    }

    /** A runner whose engines start from {@code baseEngine} (modules, parameters) before each scenario's own. */
    public static ScenarioRunner with(Supplier<ComplianceEngine.Builder> baseEngine) {
        return new ScenarioRunner(Objects.requireNonNull(baseEngine, "baseEngine"), List.of());
    }

    /** The same runner with rule folders added to every scenario (the CLI's {@code --rules}). */
    public ScenarioRunner withRuleFolders(List<Path> folders) {
        List<Path> all = new ArrayList<>(extraRuleFolders);
        all.addAll(folders);
        return new ScenarioRunner(baseEngine, all);
    }

    /**
     * The engine for a scenario's rule folders and parameters; built once and shared.
     *
     * @throws RuleLoadException when the rules do not load
     * @throws InvalidInputException when a parameter override is invalid
     */
    public ComplianceEngine engineFor(Scenario scenario) {
        EngineOrError built = engine(scenario);
        if (built.error != null) {
            throw built.error;
        }
        return built.engine;
    }

    /**
     * The engine of the runner's own rule set (modules, parameters and rule folders), without any scenario's
     * overrides; the same engine a scenario without {@code rules} or {@code parameters} runs on. Building it
     * first tells a broken rule set from failing scenarios.
     *
     * @throws RuleLoadException when the rules do not load
     * @throws InvalidInputException when a parameter override is invalid
     */
    public ComplianceEngine baseEngine() {
        EngineOrError built = engine(List.of(), JsonNodeFactory.instance.objectNode(), null);
        if (built.error != null) {
            throw built.error;
        }
        return built.engine;
    }

    private EngineOrError engine(Scenario scenario) {
        return engine(scenario.ruleFolders(), scenario.parameters(), scenario.file().toString());
    }

    private EngineOrError engine(List<Path> ruleFolders, JsonNode parameters, String source) {
        String key = extraRuleFolders + "|" + ruleFolders + "|" + parameters;
        return engines.computeIfAbsent(key, k -> {
            try {
                ComplianceEngine.Builder builder = baseEngine.get();
                extraRuleFolders.forEach(builder::ruleFolder);
                ruleFolders.forEach(builder::ruleFolder);
                if (!parameters.isEmpty()) {
                    builder.parameters(parameters, source);
                }
                return new EngineOrError(builder.build(), null);
            } catch (InvalidInputException | RuleLoadException e) {
                return new EngineOrError(null, e);
            }
        });
    }

    private record EngineOrError(ComplianceEngine engine, RuntimeException error) {
    }

    /** Runs one scenario; never throws for a scenario that fails, whatever the reason. */
    public ScenarioResult run(Scenario scenario) {
        EngineOrError built = engine(scenario);
        if (built.error instanceof RuleLoadException rules) {
            String diagnostics = rules.diagnostics().stream().map(Object::toString)
                    .collect(Collectors.joining("\n  "));
            return new ScenarioResult(scenario, List.of(new Failure("The rules do not load:\n  " + diagnostics,
                    "rules that load", diagnostics)), null, List.of(), List.of());
        }
        List<RuleInfo> rules = built.engine == null ? List.of() : built.engine.rules();
        List<InputError> inputErrors = new ArrayList<>();
        if (built.error instanceof InvalidInputException invalid) {
            inputErrors.addAll(invalid.errors());
        }
        ComplianceReport report = null;
        if (inputErrors.isEmpty()) {
            try {
                Facts facts = FactsReader.strict().read(scenario.facts(), null);
                report = built.engine.evaluate(facts, scenario.asOf(), scenario.language());
            } catch (InvalidInputException invalid) {
                inputErrors.addAll(invalid.errors());
            } catch (EvaluationException failed) {
                return new ScenarioResult(scenario, List.of(new Failure("The evaluation failed: "
                        + failed.getMessage(), "an evaluation", failed.getMessage())), null, List.of(), rules);
            }
        }
        List<Failure> failures = new ArrayList<>();
        Scenario.Expectations expect = scenario.expect();
        if (!expect.inputErrors().isEmpty()) {
            checkInputErrors(scenario, inputErrors, report != null, failures);
        } else if (!inputErrors.isEmpty()) {
            String errors = describe(scenario, inputErrors);
            failures.add(new Failure("The input was refused, but the scenario expects no input errors:\n  " + errors,
                    "the input is accepted", errors));
        } else {
            checkReport(expect, report, failures);
        }
        return new ScenarioResult(scenario, failures, report, inputErrors, rules);
    }

    private static void checkInputErrors(Scenario scenario, List<InputError> actual, boolean accepted,
                                         List<Failure> failures) {
        List<Scenario.FieldMatch> expected = scenario.expect().inputErrors();
        if (accepted) {
            failures.add(new Failure("Expected the input to be refused with " + expected
                    + ", but it was accepted.", expected.toString(), "the input was accepted"));
            return;
        }
        for (Scenario.FieldMatch match : expected) {
            if (actual.stream().noneMatch(e -> matchesInputError(match, e))) {
                String errors = describe(scenario, actual);
                failures.add(new Failure("Expected an input error " + match + " (line " + match.line()
                        + "), but the errors were:\n  " + errors, match.toString(), errors));
            }
        }
    }

    /** The errors, each with the scenario line of the fact it names when the fact is written inline. */
    private static String describe(Scenario scenario, List<InputError> errors) {
        return errors.stream().map(e -> {
            int line = scenario.lineOfFact(e.field());
            return e + (line > 0 ? " (line " + line + ")" : "");
        }).collect(Collectors.joining("\n  "));
    }

    private static boolean matchesInputError(Scenario.FieldMatch match, InputError error) {
        String field = match.fields().get("field");
        String message = match.fields().get("message");
        return (field == null || field.equals(error.field()))
                && (message == null || error.message().contains(message));
    }

    private static void checkReport(Scenario.Expectations expect, ComplianceReport report, List<Failure> failures) {
        List<Map<String, Object>> violations = report.violations().stream().map(ReportFields::of).toList();
        List<Map<String, Object>> actions = report.actions().stream().map(ReportFields::of).toList();
        for (Scenario.FieldMatch match : expect.violations()) {
            if (violations.stream().noneMatch(v -> ReportFields.matches(match.fields(), v))) {
                failures.add(new Failure("Expected a violation " + match + " (line " + match.line()
                        + "), but none matched." + ReportFields.nearestMissText(match.fields(), violations, "rule")
                        + "\n  Violations that came out:"
                        + ReportFields.listViolations(report.violations(), "\n    "),
                        match.toString(), nearestOrNone(match, violations, "rule")));
            }
        }
        for (Scenario.FieldMatch match : expect.absent()) {
            List<Violation> present = report.violations().stream()
                    .filter(v -> ReportFields.matches(match.fields(), ReportFields.of(v))).toList();
            if (!present.isEmpty()) {
                failures.add(new Failure("Expected no violation " + match + " (line " + match.line()
                        + "), but found:" + ReportFields.listViolations(present, "\n    "),
                        "no violation " + match, present.stream().map(ReportFields::describe)
                        .collect(Collectors.joining("; "))));
            }
        }
        for (Scenario.FieldMatch match : expect.actions()) {
            if (actions.stream().noneMatch(a -> ReportFields.matches(match.fields(), a))) {
                failures.add(new Failure("Expected an action " + match + " (line " + match.line()
                        + "), but none matched." + ReportFields.nearestMissText(match.fields(), actions, "code")
                        + "\n  Actions that came out:" + ReportFields.listActions(report.actions(), "\n    "),
                        match.toString(), nearestOrNone(match, actions, "code")));
            }
        }
        if (expect.only()) {
            Set<String> named = expect.violations().stream().map(m -> m.fields().get("rule"))
                    .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
            List<Violation> others = report.violations().stream().filter(v -> !named.contains(v.rule())).toList();
            if (!others.isEmpty()) {
                failures.add(new Failure("Expected only violations of " + named + ", but also found:"
                        + ReportFields.listViolations(others, "\n    "), "only violations of " + named,
                        "also " + others.stream().map(Violation::rule).distinct().collect(Collectors.joining(", "))));
            }
        }
        expect.counts().forEach((rule, count) -> {
            List<Violation> ofRule = report.violationsOf(rule);
            if (ofRule.size() != count) {
                failures.add(new Failure("Expected " + count + " violation(s) of " + rule + ", but found "
                        + ofRule.size() + (ofRule.isEmpty() ? "." : ":" + ReportFields.listViolations(ofRule,
                        "\n    ")), rule + ": " + count, rule + ": " + ofRule.size()));
            }
        });
    }

    private static String nearestOrNone(Scenario.FieldMatch match, List<Map<String, Object>> candidates,
                                        String keyField) {
        return ReportFields.nearest(match.fields(), candidates, keyField)
                .map(nearest -> ReportFields.restricted(match.fields(), nearest))
                .orElse("no " + (keyField.equals("rule") ? "violation" : "action") + " of "
                        + match.fields().getOrDefault(keyField, "any kind"));
    }
}
