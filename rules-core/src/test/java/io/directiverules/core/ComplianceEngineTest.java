package io.directiverules.core;

import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceEngineTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    private static Facts ministry(long seed) {
        List<Unit> units = new ArrayList<>();
        List<Official> officials = new ArrayList<>();
        units.add(new Unit("M", "Bộ", UnitKind.MINISTRY, null, "O-M"));
        officials.add(official("O-M", "M", "Bộ trưởng"));
        for (int i = 0; i < 30; i++) {
            String id = "U" + i;
            units.add(new Unit(id, "Vụ " + i, UnitKind.DEPARTMENT, "M", i % 3 == 0 ? null : "O" + i));
            officials.add(official("O" + i, id, i % 4 == 0 ? null : "Chuyên viên"));
        }
        Random random = new Random(seed);
        Collections.shuffle(units, random);
        Collections.shuffle(officials, random);
        return Facts.builder().units(units).officials(officials).build();
    }

    private static Official official(String id, String unitId, String position) {
        return new Official(id, "Người " + id, unitId, position, null, false, null, false, false, false, null, null);
    }

    @Test
    void evaluatesViolationsAndActionsWithMessagesAndActors() {
        ComplianceEngine engine = ComplianceEngine.builder().module(new TestRules()).build();
        ComplianceReport report = engine.evaluate(ministry(1), AS_OF);
        assertThat(report.violationsOf("T-01")).hasSize(10);
        assertThat(report.violationsOf("T-02")).hasSize(8);
        Violation first = report.violationsOf("T-01").get(0);
        assertThat(first.legalBasis()).containsExactly("Test §1", "Test §2");
        assertThat(first.message()).isEqualTo("Vụ 0 (U0) has no head as of 2024-12-31.");
        assertThat(first.evidence()).containsExactly(new Evidence("Unit", "U0"));
        RequiredAction action = report.actions().stream().filter(a -> a.because().contains(first.id())).findFirst()
                .orElseThrow();
        assertThat(action.actorId()).isEqualTo("O-M");
        assertThat(action.dueOn()).isEqualTo(AS_OF.plusDays(15));
        assertThat(action.description()).isEqualTo("The minister (Người O-M) must name a head of Vụ 0 by 2025-01-15.");
        assertThat(report.summary().bySeverity()).containsEntry(Severity.HIGH, 10).containsEntry(Severity.LOW, 8);
        assertThat(report.summary().units()).isEqualTo(31);
    }

    @Test
    void writesMessagesInVietnamese() {
        ComplianceEngine engine = ComplianceEngine.builder().module(new TestRules()).build();
        ComplianceReport report = engine.evaluate(ministry(1), AS_OF, Language.VI);
        assertThat(report.violationsOf("T-01").get(0).message())
                .isEqualTo("Vụ 0 (U0) chưa có người đứng đầu tính đến ngày 31/12/2024.");
        assertThat(report.violationsOf("T-01").get(0).title()).isEqualTo("Đơn vị chưa có người đứng đầu");
    }

    @Test
    void shuffledFactsGiveTheSameIdsAndOrder() {
        ComplianceEngine engine = ComplianceEngine.builder().module(new TestRules()).build();
        ComplianceReport one = engine.evaluate(ministry(1), AS_OF);
        ComplianceReport other = engine.evaluate(ministry(99), AS_OF);
        assertThat(other.violations()).isEqualTo(one.violations());
        assertThat(other.actions()).isEqualTo(one.actions());
    }

    @Test
    void eightThreadsEvaluatingTheSameFactsGetIdenticalReports() throws Exception {
        ComplianceEngine engine = ComplianceEngine.builder().module(new TestRules()).build();
        Facts facts = ministry(7);
        ComplianceReport expected = engine.evaluate(facts, AS_OF);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ComplianceReport>> jobs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                jobs.add(() -> engine.evaluate(facts, AS_OF));
            }
            for (Future<ComplianceReport> report : pool.invokeAll(jobs)) {
                assertThat(report.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRuleThatEmitsViolationsWithoutMetadataIsRefusedAtBuild() {
        String drl = """
                package test.rules;
                import io.directiverules.core.model.Unit;
                import io.directiverules.core.rule.Verdict;

                rule "No id"
                    @severity("HIGH") @legalBasis("Test §1")
                when
                    $unit : Unit()
                then
                    insert(Verdict.violation(drools).unit($unit.id()).build());
                end
                """;
        assertThatThrownBy(() -> ComplianceEngine.builder().module(new TestRules(drl)).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::toString)
                        .containsExactly("test/rules0.drl:5:1: error: rule \"No id\" emits a violation but has no @ruleId"));
    }

    @Test
    void anUnknownSeverityIsRefusedAtBuild() {
        String drl = TestRules.UNITS_WITHOUT_HEAD.replace("@severity(\"HIGH\")", "@severity(\"SEVERE\")");
        assertThatThrownBy(() -> ComplianceEngine.builder().module(new TestRules(drl)).build())
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("unknown @severity(\"SEVERE\")");
    }

    @Test
    void aCompileErrorNamesFileAndLine() {
        String drl = TestRules.UNITS_WITHOUT_HEAD.replace("Unit(headId == null)", "Unit(headIdd == null)");
        assertThatThrownBy(() -> ComplianceEngine.builder().module(new TestRules(drl)).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.diagnostics())
                        .anySatisfy(d -> {
                            assertThat(d.file()).isEqualTo("test/rules0.drl");
                            assertThat(d.line()).isEqualTo(13);
                            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
                        }));
    }

    @Test
    void theFingerprintNamesRulesAndParameters() {
        String base = ComplianceEngine.builder().module(new TestRules()).build().ruleSet().fingerprint();
        assertThat(ComplianceEngine.builder().module(new TestRules()).build().ruleSet().fingerprint()).isEqualTo(base);
        assertThat(ComplianceEngine.builder().module(new TestRules()).parameter("action.dueDays", 5).build()
                .ruleSet().fingerprint()).isNotEqualTo(base);
        assertThat(ComplianceEngine.builder().module(new TestRules(TestRules.UNITS_WITHOUT_HEAD + "\n// edited\n"))
                .build().ruleSet().fingerprint()).isNotEqualTo(base);
        assertThat(base).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void aRuleThatThrowsEndsTheEvaluationWithoutAReportAndTheEngineGoesOn() {
        String throwing = """
                package test.rules;
                import io.directiverules.core.model.Unit;
                rule "Throws on a unit named Boom"
                when
                    $unit : Unit(name == "Boom")
                then
                    throw new IllegalStateException("boom");
                end
                """;
        ComplianceEngine engine = ComplianceEngine.builder().module(new TestRules(TestRules.UNITS_WITHOUT_HEAD, throwing))
                .build();
        Facts boom = Facts.builder().unit(new Unit("B", "Boom", UnitKind.DEPARTMENT, null, null)).build();
        assertThatThrownBy(() -> engine.evaluate(boom, AS_OF)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("Throws on a unit named Boom");
        assertThat(engine.evaluate(ministry(1), AS_OF).violations()).hasSize(18);
    }

    @Test
    void aRunawayRuleIsStoppedByTheFiringLimit() {
        String looping = """
                package test.rules;
                import io.directiverules.core.model.Unit;
                declare Tick
                    n : int
                end
                rule "Ticks forever"
                when
                    $unit : Unit()
                    not Tick()
                then
                    insert(new Tick(1));
                end
                rule "Next tick"
                when
                    $tick : Tick()
                then
                    delete($tick);
                    insert(new Tick($tick.getN() + 1));
                end
                """;
        ComplianceEngine engine = ComplianceEngine.builder().module(new TestRules(looping)).maxFirings(1000).build();
        Facts facts = Facts.builder().unit(new Unit("U", "Vụ", UnitKind.DEPARTMENT, null, null)).build();
        assertThatThrownBy(() -> engine.evaluate(facts, AS_OF)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("\"Next tick\"");
    }
}
