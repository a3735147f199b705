package io.directiverules.core;

import java.util.Map;

/**
 * Counts over a report.
 *
 * @param violations number of violations
 * @param actions number of required actions
 * @param bySeverity violations per severity, every severity present, most severe first
 * @param units number of units in the facts
 * @param unitsWithViolations number of units with at least one violation
 */
public record ReportSummary(int violations, int actions, Map<Severity, Integer> bySeverity, int units,
                            int unitsWithViolations) {
}
