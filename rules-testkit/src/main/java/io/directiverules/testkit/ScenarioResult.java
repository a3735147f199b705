package io.directiverules.testkit;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.InputError;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.Violation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of one scenario.
 *
 * @param scenario the scenario
 * @param failures what did not hold, in words an analyst understands; empty when it passed
 * @param report the report, when the input was accepted
 * @param inputErrors the errors the input was refused with, when it was
 * @param rules the rules of the engine the scenario ran on (empty when the rules did not load)
 */
public record ScenarioResult(Scenario scenario, List<Failure> failures, ComplianceReport report,
                             List<InputError> inputErrors, List<RuleInfo> rules) {

    /** Copies the lists. */
    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        failures = List.copyOf(failures);
        inputErrors = List.copyOf(inputErrors);
        rules = List.copyOf(rules);
    }

    /**
     * One expectation that did not hold.
     *
     * @param message what was expected, what came out and the nearest miss, in words
     * @param expected the expectation, for an IDE's diff
     * @param actual what came out instead, for an IDE's diff
     */
    public record Failure(String message, String expected, String actual) {

        /** Requires the message; a missing expected or actual text is empty. */
        public Failure {
            Objects.requireNonNull(message, "message");
            expected = expected == null ? "" : expected;
            actual = actual == null ? "" : actual;
        }

        @Override
        public String toString() {
            return message;
        }
    }

    /** Whether every expectation held. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The report, when the input was accepted. */
    public Optional<ComplianceReport> reportIfAny() {
        return Optional.ofNullable(report);
    }

    /** The ids of the rules that produced at least one violation, in the report's order. */
    public Set<String> firedRules() {
        return report == null ? Set.of() : report.violations().stream().map(Violation::rule)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The legal citations of the violations that came out. */
    public Set<String> firedCitations() {
        return report == null ? Set.of() : report.violations().stream().flatMap(v -> v.legalBasis().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The failure messages as one text, under the scenario's name and location. */
    public String describeFailures() {
        return scenario.name() + " (" + scenario.location() + ")\n"
                + failures.stream().map(Failure::message).collect(Collectors.joining("\n"));
    }

    /** Every failure's expectation, one per line, for an IDE's diff. */
    public String expectedText() {
        return failures.stream().map(Failure::expected).collect(Collectors.joining("\n"));
    }

    /** What came out instead, one line per failure, for an IDE's diff. */
    public String actualText() {
        return failures.stream().map(Failure::actual).collect(Collectors.joining("\n"));
    }
}
