package io.directiverules.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Language;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.RuleSetInfo;
import io.directiverules.core.Severity;
import io.directiverules.core.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoverageTest {
    private static final List<RuleInfo> RULES = List.of(
            new RuleInfo("R-1", "R-1 a", Severity.HIGH, "a", List.of("Law §1", "Law §2"), "a.drl", 1),
            new RuleInfo("R-2", "R-2 b", Severity.LOW, "b", List.of("Law §2"), "a.drl", 9),
            new RuleInfo("R-3", "R-3 c", Severity.LOW, "c", List.of("Decree §7"), "a.drl", 19),
            new RuleInfo(null, "helper", null, "helper", List.of(), "a.drl", 29));

    private static ScenarioResult result(String... firedRules) {
        List<Violation> violations = Arrays.stream(firedRules).map(rule -> new Violation("V-" + rule, rule,
                Severity.LOW, "U1", null, null, null, RULES.stream().filter(r -> rule.equals(r.ruleId()))
                .findFirst().orElseThrow().legalBasis(), null, Map.of(), List.of())).toList();
        ComplianceReport report = new ComplianceReport(LocalDate.of(2024, 1, 1), Language.EN,
                new RuleSetInfo(List.of(), "sha256:x"), ComplianceReport.summarize(violations, List.of(), 1),
                violations, List.of(), List.of());
        Scenario scenario = new Scenario(Path.of("s.yaml"), 1, "s", LocalDate.of(2024, 1, 1),
                Language.EN, List.of(), JsonNodeFactory.instance.objectNode(),
                List.of(), JsonNodeFactory.instance.objectNode(),
                new Scenario.Expectations(List.of(), List.of(), List.of(), false, Map.of(), List.of()), Map.of());
        return new ScenarioResult(scenario, List.of(), report, List.of(), RULES);
    }

    @Test
    void countsTheScenariosInWhichEachRuleAndCitationFired() {
        Coverage coverage = Coverage.of(List.of(result("R-1", "R-1"), result("R-1", "R-2"), result()));
        assertThat(coverage.scenarios()).isEqualTo(3);
        assertThat(coverage.rules()).containsExactly(Map.entry("R-1", 2), Map.entry("R-2", 1), Map.entry("R-3", 0));
        assertThat(coverage.citations()).containsExactly(Map.entry("Decree §7", 0), Map.entry("Law §1", 2),
                Map.entry("Law §2", 2));
        assertThat(coverage.unexercisedRules()).containsExactly("R-3");
        assertThat(coverage.unexercisedCitations()).containsExactly("Decree §7");
        assertThat(coverage.ruleShare()).isEqualByComparingTo(new BigDecimal("0.666666"));
        assertThat(coverage.headline()).isEqualTo("2 of 3 rules (66.6%), 2 of 3 legal citations (66.6%)");
        assertThat(coverage.toText()).contains("  R-1              2\n").contains("Rules never exercised: R-3\n");
    }

    @Test
    void theThresholdIsExactAndAppliesToRulesAndCitationsAlike() {
        Coverage twoOfThree = Coverage.of(List.of(result("R-1", "R-2")));
        assertThat(twoOfThree.meets(2.0 / 3)).isTrue();
        assertThat(twoOfThree.meets(0.67)).isFalse();
        Coverage allRules = Coverage.of(List.of(result("R-1", "R-2", "R-3")));
        assertThat(allRules.meets(1.0)).isTrue();
        assertThat(allRules.shortfall(1.0)).contains("Rules never exercised: none");
        assertThatThrownBy(() -> allRules.meets(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyRunCoversEverythingThereIsNamelyNothing() {
        Coverage none = Coverage.of(List.of());
        assertThat(none.rules()).isEmpty();
        assertThat(none.meets(1.0)).isTrue();
    }
}
