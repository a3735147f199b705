package io.directiverules.core;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one evaluation: violations and required actions in a stable order, with the rule set
 * that produced them.
 *
 * @param asOf the evaluation date
 * @param language the language of titles, messages and descriptions
 * @param ruleSet the rule set that produced the report
 * @param summary counts
 * @param violations violations, sorted by unit, rule, subject and id
 * @param actions required actions, sorted by unit, code and id
 * @param notes remarks on the evaluation (missing calendar data, skipped facts)
 */
public record ComplianceReport(LocalDate asOf, Language language, RuleSetInfo ruleSet, ReportSummary summary,
                               List<Violation> violations, List<RequiredAction> actions, List<String> notes) {

    /** Copies the lists. */
    public ComplianceReport {
        violations = List.copyOf(violations);
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    /** Builds the summary of these violations and actions over {@code unitCount} units. */
    public static ReportSummary summarize(List<Violation> violations, List<RequiredAction> actions, int unitCount) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        violations.forEach(v -> counts.merge(v.severity(), 1, Integer::sum));
        Map<Severity, Integer> mostSevereFirst = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            mostSevereFirst.put(Severity.values()[i], counts.get(Severity.values()[i]));
        }
        int unitsWithViolations = (int) violations.stream().map(Violation::unitId).distinct().count();
        return new ReportSummary(violations.size(), actions.size(), java.util.Collections.unmodifiableMap(
                mostSevereFirst), unitCount, unitsWithViolations);
    }

    /** The violations of one rule. */
    public List<Violation> violationsOf(String rule) {
        return violations.stream().filter(v -> v.rule().equals(rule)).toList();
    }

    /** The violation with this id, if any. */
    public Optional<Violation> violation(String id) {
        return violations.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The most severe violation's severity, if there is any violation. */
    public Optional<Severity> highestSeverity() {
        return violations.stream().map(Violation::severity).max(Enum::compareTo);
    }
}
