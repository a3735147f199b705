package io.directiverules.testkit;

import io.directiverules.core.RuleInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of a rule set a run of scenarios exercised: every rule of the loaded rule set (every rule with a
 * {@code @ruleId}) with the number of scenarios in which it produced a violation, every legal citation of
 * the rules' {@code @legalBasis} likewise, and those never exercised. Immutable.
 *
 * <pre>{@code
 * Coverage coverage = Coverage.of(results);
 * if (!coverage.meets(1.0)) {
 *     fail(coverage.shortfall(1.0));
 * }
 * }</pre>
 */
public final class Coverage {
    private final Map<String, Integer> rules;
    private final Map<String, Integer> citations;
    private final int scenarios;

    private Coverage(Map<String, Integer> rules, Map<String, Integer> citations, int scenarios) {
        this.rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        this.citations = Collections.unmodifiableMap(new TreeMap<>(citations));
        this.scenarios = scenarios;
    }

    /**
     * The coverage of these results. The rule set is every rule loaded by an engine a scenario ran on; a rule
     * or citation is exercised in a scenario when a violation of it came out.
     */
    public static Coverage of(Collection<ScenarioResult> results) {
        Map<String, Integer> rules = new TreeMap<>();
        Map<String, Integer> citations = new TreeMap<>();
        for (ScenarioResult result : results) {
            for (RuleInfo rule : result.rules()) {
                if (rule.ruleId() != null) {
                    rules.putIfAbsent(rule.ruleId(), 0);
                    rule.legalBasis().forEach(citation -> citations.putIfAbsent(citation, 0));
                }
            }
        }
        for (ScenarioResult result : results) {
            result.firedRules().forEach(rule -> rules.merge(rule, 1, Integer::sum));
            result.firedCitations().forEach(citation -> citations.merge(citation, 1, Integer::sum));
        }
        return new Coverage(rules, citations, results.size());
    }

    /** Every rule id with the number of scenarios in which it fired, sorted by id. */
    public Map<String, Integer> rules() {
        return rules;
    }

    /** Every legal citation with the number of scenarios in which a violation cited it, sorted. */
    public Map<String, Integer> citations() {
        return citations;
    }

    /** The number of scenarios run. */
    public int scenarios() {
        return scenarios;
    }

    /** The rules no scenario exercised, sorted. */
    public List<String> unexercisedRules() {
        return never(rules);
    }

    /** The citations no scenario exercised, sorted. */
    public List<String> unexercisedCitations() {
        return never(citations);
    }

    /** The share of rules exercised, from 0 to 1 (1 when there is no rule). */
    public BigDecimal ruleShare() {
        return share(rules);
    }

    /** The share of citations exercised, from 0 to 1 (1 when there is no citation). */
    public BigDecimal citationShare() {
        return share(citations);
    }

    /** Whether both the share of rules and the share of citations exercised are at least {@code minimum}. */
    public boolean meets(double minimum) {
        if (minimum < 0 || minimum > 1) {
            throw new IllegalArgumentException("a coverage threshold is a share from 0 to 1: " + minimum);
        }
        return reaches(rules, minimum) && reaches(citations, minimum);
    }

    /** Why the coverage is below {@code minimum}: the shares and what was never exercised. */
    public String shortfall(double minimum) {
        return "Coverage is below the minimum of " + percent(BigDecimal.valueOf(minimum)) + ": " + headline()
                + "\n  Rules never exercised: " + orNone(unexercisedRules())
                + "\n  Legal citations never exercised: " + orNone(unexercisedCitations());
    }

    /** {@code 5 of 6 rules (83.3%), 4 of 4 legal citations (100%)}. */
    public String headline() {
        return exercised(rules) + " of " + rules.size() + " rules (" + percent(ruleShare()) + "), "
                + exercised(citations) + " of " + citations.size() + " legal citations (" + percent(citationShare())
                + ")";
    }

    /** The whole table: each rule and citation with its count, then what was never exercised. */
    public String toText() {
        StringBuilder text = new StringBuilder("Coverage over ").append(scenarios).append(" scenarios: ")
                .append(headline()).append('\n');
        text.append("Rules (scenarios in which each fired):\n");
        rules.forEach((rule, count) -> text.append(String.format("  %-16s %d%n", rule, count)));
        text.append("Legal citations (scenarios in which each was cited):\n");
        citations.forEach((citation, count) -> text.append(String.format("  %-24s %d%n", citation, count)));
        text.append("Rules never exercised: ").append(orNone(unexercisedRules())).append('\n');
        text.append("Legal citations never exercised: ").append(orNone(unexercisedCitations())).append('\n');
        return text.toString();
    }

    @Override
    public String toString() {
        return headline();
    }

    private static List<String> never(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    private static long exercised(Map<String, Integer> counts) {
        return counts.values().stream().filter(count -> count > 0).count();
    }

    private static BigDecimal share(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(exercised(counts)).divide(BigDecimal.valueOf(counts.size()), 6,
                RoundingMode.DOWN);
    }

    private static boolean reaches(Map<String, Integer> counts, double minimum) {
        // Exact: exercised >= minimum x total, without rounding the share first.
        return BigDecimal.valueOf(exercised(counts))
                .compareTo(BigDecimal.valueOf(minimum).multiply(BigDecimal.valueOf(counts.size()))) >= 0;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "%";
    }

    private static String orNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
