package io.directiverules.bench;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.directive09.Directive09Module;
import io.directiverules.testkit.generate.MinistryGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written baseline finds exactly what the engine finds for its rules: small and quick. */
class BaselineTest {
    private static ComplianceEngine engine;

    @BeforeAll
    static void engine() {
        engine = ComplianceEngine.builder().module(new Directive09Module()).build();
    }

    @Test
    void theBaselineEqualsTheEngineOnAGeneratedMinistry() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).seed(3).laxUnitShare(0.4).build();
        Facts facts = generator.facts();
        ComplianceReport report = engine.evaluate(facts, generator.asOf());
        List<Finding> baseline = new Baseline(engine.parameters()).evaluate(facts, generator.asOf());

        Agreement agreement = Agreement.of(baseline, report.violations());
        assertThat(agreement.agrees()).as(agreement.describe(10)).isTrue();
        // Every rule of the baseline is exercised, so the equality says something about each.
        Set<String> rules = baseline.stream().map(Finding::rule).collect(Collectors.toSet());
        assertThat(rules).containsExactlyInAnyOrderElementsOf(Baseline.RULES);
    }

    @Test
    void aDifferenceIsReported() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(500).seed(1).laxUnitShare(0.5).build();
        Facts facts = generator.facts();
        ComplianceReport report = engine.evaluate(facts, generator.asOf());
        List<Finding> baseline = new Baseline(engine.parameters()).evaluate(facts, generator.asOf());
        Agreement agreement = Agreement.of(baseline.subList(1, baseline.size()), report.violations());
        assertThat(agreement.agrees()).isFalse();
        assertThat(agreement.onlyEngine()).containsExactly(baseline.get(0));
        assertThat(agreement.describe(5)).contains("only the engine").contains(baseline.get(0).rule());
    }
}
