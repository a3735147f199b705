package io.directiverules.testkit;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.RuleLoadException;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
        return new ScenarioRunner(baseEngine, List.of());
    }

    /** The same runner with rule folders added to every scenario (the CLI's {@code --rules}). */
    public ScenarioRunner withRuleFolders(List<Path> folders) {
        List<Path> all = new ArrayList<>(extraRuleFolders);
        all.addAll(folders);
        return new ScenarioRunner(baseEngine, all);
    }

    /** The engine for a scenario's rule folders and parameters; built once and shared. */
    public ComplianceEngine engineFor(Scenario scenario) {
        EngineOrError built = engine(scenario);
        if (built.error != null) {
            throw built.error;
        }
        return built.engine;
    }

    private EngineOrError engine(Scenario scenario) {
        String key = extraRuleFolders + "|" + scenario.ruleFolders() + "|" + scenario.parameters();
        return engines.computeIfAbsent(key, k -> {
            try {
                ComplianceEngine.Builder builder = baseEngine.get();
                extraRuleFolders.forEach(builder::ruleFolder);
                scenario.ruleFolders().forEach(builder::ruleFolder);
                if (!scenario.parameters().isEmpty()) {
                    builder.parameters(scenario.parameters(), scenario.file().toString());
                }
                return new EngineOrError(builder.build(), null);
            } catch (InvalidInputException | RuleLoadException e) {
                return new EngineOrError(null, e);
            }
        });
    }

    private record EngineOrError(ComplianceEngine engine, RuntimeException error) {
    }

    /** Runs one scenario. */
    public ScenarioResult run(Scenario scenario) {
        EngineOrError built = engine(scenario);
        if (built.error instanceof RuleLoadException rules) {
            return new ScenarioResult(scenario, List.of("The rules do not load:\n  " + rules.diagnostics().stream()
                    .map(Object::toString).collect(Collectors.joining("\n  "))), null, List.of());
        }
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
            }
        }
        List<String> failures = new ArrayList<>();
        Scenario.Expectations expect = scenario.expect();
        if (!expect.inputErrors().isEmpty()) {
            checkInputErrors(expect.inputErrors(), inputErrors, report != null, failures);
        } else if (!inputErrors.isEmpty()) {
            failures.add("The input was refused, but the scenario expects no input errors:\n  "
                    + inputErrors.stream().map(InputError::toString).collect(Collectors.joining("\n  ")));
        } else {
            checkReport(expect, report, failures);
        }
        return new ScenarioResult(scenario, failures, report, inputErrors);
    }

    private static void checkInputErrors(List<Scenario.FieldMatch> expected, List<InputError> actual,
                                         boolean accepted, List<String> failures) {
        if (accepted) {
            failures.add("Expected the input to be refused with " + expected + ", but it was accepted.");
            return;
        }
        for (Scenario.FieldMatch match : expected) {
            boolean found = actual.stream().anyMatch(e -> matchesInputError(match, e));
            if (!found) {
                failures.add("Expected an input error " + match + " (line " + match.line() + "), but the errors were:\n  "
                        + actual.stream().map(InputError::toString).collect(Collectors.joining("\n  ")));
            }
        }
    }

    private static boolean matchesInputError(Scenario.FieldMatch match, InputError error) {
        String field = match.fields().get("field");
        String message = match.fields().get("message");
        return (field == null || field.equals(error.field()))
                && (message == null || error.message().contains(message));
    }

    private static void checkReport(Scenario.Expectations expect, ComplianceReport report, List<String> failures) {
        for (Scenario.FieldMatch match : expect.violations()) {
            if (report.violations().stream().noneMatch(v -> matches(match, violationFields(v)))) {
                failures.add("Expected a violation " + match + " (line " + match.line() + "), but none matched."
                        + nearestMiss(match, report.violations().stream().map(ScenarioRunner::violationFields)
                        .toList(), "rule") + cameOut(report));
            }
        }
        for (Scenario.FieldMatch match : expect.absent()) {
            List<Violation> present = report.violations().stream().filter(v -> matches(match, violationFields(v)))
                    .toList();
            if (!present.isEmpty()) {
                failures.add("Expected no violation " + match + " (line " + match.line() + "), but found:\n  "
                        + present.stream().map(ScenarioRunner::describe).collect(Collectors.joining("\n  ")));
            }
        }
        for (Scenario.FieldMatch match : expect.actions()) {
            if (report.actions().stream().noneMatch(a -> matches(match, actionFields(a)))) {
                failures.add("Expected an action " + match + " (line " + match.line() + "), but none matched."
                        + nearestMiss(match, report.actions().stream().map(ScenarioRunner::actionFields).toList(),
                        "code") + "\n  Actions that came out: " + (report.actions().isEmpty() ? "none"
                        : report.actions().stream().map(a -> a.code() + " " + a.unitId()
                        + (a.actorId() == null ? "" : " → " + a.actorId())).collect(Collectors.joining("; "))));
            }
        }
        if (expect.only()) {
            Set<String> named = expect.violations().stream().map(m -> m.fields().get("rule")).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            List<Violation> others = report.violations().stream().filter(v -> !named.contains(v.rule())).toList();
            if (!others.isEmpty()) {
                failures.add("Expected only violations of " + new java.util.TreeSet<>(named) + ", but also found:\n  "
                        + others.stream().map(ScenarioRunner::describe).collect(Collectors.joining("\n  ")));
            }
        }
        expect.counts().forEach((rule, count) -> {
            long actual = report.violations().stream().filter(v -> v.rule().equals(rule)).count();
            if (actual != count) {
                failures.add("Expected " + count + " violation(s) of " + rule + ", but found " + actual
                        + (actual == 0 ? "." : ":\n  " + report.violationsOf(rule).stream()
                        .map(ScenarioRunner::describe).collect(Collectors.joining("\n  "))));
            }
        });
    }

    private static String cameOut(ComplianceReport report) {
        return "\n  Violations that came out: " + (report.violations().isEmpty() ? "none"
                : report.violations().stream().map(ScenarioRunner::describe).collect(Collectors.joining("; ")));
    }

    /** A violation in one line: rule, unit, subject and details. */
    static String describe(Violation v) {
        return v.rule() + " " + v.unitId() + (v.subjectId() == null ? "" : "/" + v.subjectId())
                + (v.details().isEmpty() ? "" : " " + v.details());
    }

    /** The candidate of the same rule (or code) whose fields differ least, and how. */
    private static String nearestMiss(Scenario.FieldMatch match, List<Map<String, Object>> candidates,
                                      String keyField) {
        String key = match.fields().get(keyField);
        Optional<Map<String, Object>> nearest = candidates.stream()
                .filter(c -> key == null || key.equals(String.valueOf(c.get(keyField))))
                .min(Comparator.comparingInt(c -> differences(match, c).size()));
        if (nearest.isEmpty()) {
            return key == null ? "" : "\n  No " + (keyField.equals("rule") ? "violation of rule " : "action ")
                    + key + " came out at all.";
        }
        return "\n  Nearest miss: " + nearest.get().get(keyField) + " for " + nearest.get().get("unitId") + ": "
                + String.join(", ", differences(match, nearest.get()));
    }

    private static List<String> differences(Scenario.FieldMatch match, Map<String, Object> actual) {
        List<String> differences = new ArrayList<>();
        match.fields().forEach((field, expected) -> {
            if (!valueMatches(expected, actual.get(field))) {
                differences.add(field + " expected " + expected + " but was " + actual.get(field));
            }
        });
        return differences;
    }

    /** Whether every field of {@code match} equals the actual field. */
    static boolean matches(Scenario.FieldMatch match, Map<String, Object> actual) {
        return match.fields().entrySet().stream().allMatch(e -> valueMatches(e.getValue(), actual.get(e.getKey())));
    }

    private static boolean valueMatches(String expected, Object actual) {
        if (actual == null) {
            return expected == null || expected.equals("null");
        }
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(element -> valueMatches(expected, element))
                    || list.toString().equals(expected)
                    || list.stream().map(String::valueOf).collect(Collectors.joining(", ")).equals(expected);
        }
        String text = actual.toString();
        if (text.equals(expected)) {
            return true;
        }
        BigDecimal expectedNumber = number(expected);
        BigDecimal actualNumber = number(text);
        return expectedNumber != null && actualNumber != null && expectedNumber.compareTo(actualNumber) == 0;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A violation's report fields by name, {@code details.<key>} included. */
    static Map<String, Object> violationFields(Violation v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", v.id());
        fields.put("rule", v.rule());
        fields.put("severity", v.severity());
        fields.put("unitId", v.unitId());
        fields.put("subjectId", v.subjectId());
        fields.put("dueOn", v.dueOn());
        fields.put("title", v.title());
        fields.put("message", v.message());
        fields.put("legalBasis", v.legalBasis());
        new TreeMap<>(v.details()).forEach((key, value) -> fields.put("details." + key, value));
        return fields;
    }

    /** An action's report fields by name, {@code details.<key>} included. */
    static Map<String, Object> actionFields(RequiredAction a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", a.id());
        fields.put("code", a.code());
        fields.put("actor", a.actor());
        fields.put("actorId", a.actorId());
        fields.put("unitId", a.unitId());
        fields.put("dueOn", a.dueOn());
        fields.put("because", a.because());
        fields.put("description", a.description());
        new TreeMap<>(a.details()).forEach((key, value) -> fields.put("details." + key, value));
        return fields;
    }
}
