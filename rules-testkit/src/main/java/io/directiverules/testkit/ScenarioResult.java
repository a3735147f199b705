package io.directiverules.testkit;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.InputError;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one scenario.
 *
 * @param scenario the scenario
 * @param failures what did not hold, in words an analyst understands; empty when it passed
 * @param report the report, when the input was accepted
 * @param inputErrors the errors the input was refused with, when it was
 */
public record ScenarioResult(Scenario scenario, List<String> failures, ComplianceReport report,
                             List<InputError> inputErrors) {

    /** Copies the lists. */
    public ScenarioResult {
        failures = List.copyOf(failures);
        inputErrors = List.copyOf(inputErrors);
    }

    /** Whether every expectation held. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The report, when the input was accepted. */
    public Optional<ComplianceReport> reportIfAny() {
        return Optional.ofNullable(report);
    }

    /** The failures as one text, for an assertion message. */
    public String describeFailures() {
        return scenario.name() + " (" + scenario.location() + ")\n" + String.join("\n", failures);
    }
}
