package io.directiverules.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunnerTest {
    private static final String UNITS = """
                units:
                  - {id: M, name: Bộ, kind: MINISTRY, headId: O1}
                  - {id: U1, name: Vụ A, kind: DEPARTMENT, parentId: M, headId: O2}
                officials:
                  - {id: O1, fullName: Lê Văn C, unitId: M}
                  - {id: O2, fullName: Trần Văn B, unitId: U1}
              """;

    @TempDir
    Path folder;

    private final ScenarioRunner runner = ScenarioRunner.withDiscoveredModules();

    private List<Scenario> scenarios(String yaml) throws IOException {
        Path file = folder.resolve("s" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return ScenarioReader.read(file);
    }

    private ScenarioResult run(String expect, String plans) throws IOException {
        return runner.run(scenarios("""
                name: case
                asOf: 2024-03-01
                parameters: {evaluation.fromYear: 2024}
                facts:
                """ + UNITS + plans + "expect:\n" + expect).get(0));
    }

    @Test
    void aScenarioWhoseExpectationsHoldPasses() throws IOException {
        ScenarioResult result = run("""
                  violations:
                    - {rule: TK-PLAN-02, unitId: U1, dueOn: 2024-01-31, severity: MEDIUM, details.planId: P2}
                  absent:
                    - {rule: TK-PLAN-01}
                  only: true
                  counts: {TK-PLAN-02: 1}
                """, """
                  plans:
                    - {id: P1, unitId: M, year: 2024, issuedOn: 2024-01-10}
                    - {id: P2, unitId: U1, year: 2024, issuedOn: 2024-02-10}
                """);
        assertThat(result.failures()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.firedRules()).containsExactly("TK-PLAN-02");
        assertThat(result.firedCitations()).containsExactly("Test Act §2");
        assertThat(result.rules()).extracting(r -> r.ruleId()).contains("TK-PLAN-01", "TK-PLAN-02", "TK-GIFT-01");
    }

    @Test
    void aMissingViolationNamesTheExpectationWhatCameOutAndTheNearestMiss() throws IOException {
        ScenarioResult result = run("""
                  violations:
                    - {rule: TK-PLAN-02, unitId: U1, severity: HIGH, dueOn: 2024-01-31}
                """, """
                  plans:
                    - {id: P1, unitId: M, year: 2024, issuedOn: 2024-01-10}
                    - {id: P2, unitId: U1, year: 2024, issuedOn: 2024-02-10}
                """);
        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Expected a violation {rule: TK-PLAN-02, unitId: U1, severity: HIGH,"
                    + " dueOn: 2024-01-31} (line 16), but none matched.")
                    .contains("Nearest miss: TK-PLAN-02 for U1: severity expected HIGH but was MEDIUM")
                    .contains("Violations that came out:\n    TK-PLAN-02 MEDIUM U1 due 2024-01-31");
            assertThat(f.expected()).isEqualTo("{rule: TK-PLAN-02, unitId: U1, severity: HIGH, dueOn: 2024-01-31}");
            assertThat(f.actual()).isEqualTo("{rule: TK-PLAN-02, unitId: U1, severity: MEDIUM, dueOn: 2024-01-31}");
        });
        assertThat(result.describeFailures()).startsWith("case (" + result.scenario().location() + ")\n");
    }

    @Test
    void aRuleThatDidNotFireAtAllIsSaidSo() throws IOException {
        ScenarioResult result = run("""
                  violations:
                    - {rule: TK-GIFT-01}
                """, "");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("No violation of rule TK-GIFT-01 came out at all.");
            assertThat(f.actual()).isEqualTo("no violation of TK-GIFT-01");
        });
    }

    @Test
    void absentOnlyCountsAndActionsFailWithWhatCameOut() throws IOException {
        ScenarioResult result = run("""
                  violations:
                    - {rule: TK-PLAN-02}
                  absent:
                    - {rule: TK-PLAN-01, unitId: M}
                  actions:
                    - {code: ISSUE_PLAN, actorId: O2}
                  only: true
                  counts: {TK-PLAN-01: 2}
                """, """
                  plans:
                    - {id: P2, unitId: U1, year: 2024, issuedOn: 2024-02-10}
                """);
        assertThat(result.failures()).extracting(ScenarioResult.Failure::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Expected no violation {rule: TK-PLAN-01, unitId: M} (line 17), but found:")
                        .contains("TK-PLAN-01 HIGH M due 2024-01-31"),
                m -> assertThat(m).startsWith("Expected an action {code: ISSUE_PLAN, actorId: O2} (line 19)")
                        .contains("Nearest miss: ISSUE_PLAN for M: actorId expected O2 but was O1"),
                m -> assertThat(m).startsWith("Expected only violations of [TK-PLAN-02], but also found:")
                        .contains("TK-PLAN-01 HIGH M"),
                m -> assertThat(m).startsWith("Expected 2 violation(s) of TK-PLAN-01, but found 1:"));
        assertThat(result.expectedText()).contains("TK-PLAN-01: 2");
        assertThat(result.actualText()).contains("TK-PLAN-01: 1");
    }

    @Test
    void inputErrorsPassWhenExpectedAndFailWhenNot() throws IOException {
        List<Scenario> scenarios = scenarios("""
                scenarios:
                  - name: expected
                    asOf: 2024-03-01
                    facts:
                      officials:
                        - {id: O1, fullName: X, unitId: U9}
                    expect:
                      inputErrors:
                        - {field: "officials[0].unitId", message: "no unit"}
                  - name: unexpected
                    asOf: 2024-03-01
                    facts:
                      officials:
                        - {id: O1, fullName: X, unitId: U9}
                    expect: {}
                  - name: expected but accepted
                    asOf: 2024-03-01
                    facts: {}
                    expect:
                      inputErrors:
                        - {field: "units[0].id"}
                  - name: a bad parameter is an input error too
                    asOf: 2024-03-01
                    parameters: {tk.issueWithinDays: -3}
                    facts: {}
                    expect:
                      inputErrors:
                        - {field: tk.issueWithinDays}
                """);
        assertThat(runner.run(scenarios.get(0)).passed()).isTrue();
        assertThat(runner.run(scenarios.get(1)).failures()).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("The input was refused, but the scenario expects no input errors")
                        .contains("officials[0].unitId").contains("(line 14)"));
        assertThat(runner.run(scenarios.get(2)).failures()).singleElement().satisfies(f ->
                assertThat(f.message()).contains("but it was accepted"));
        assertThat(runner.run(scenarios.get(3)).passed()).isTrue();
    }

    @Test
    void theEngineIsBuiltOncePerRuleSetAndParameterSet() throws IOException {
        List<Scenario> scenarios = scenarios("""
                scenarios:
                  - {name: a, asOf: 2024-03-01, parameters: {tk.issueWithinDays: 10}, facts: {}, expect: {}}
                  - {name: b, asOf: 2024-05-01, parameters: {tk.issueWithinDays: 10}, facts: {}, expect: {}}
                  - {name: c, asOf: 2024-05-01, parameters: {tk.issueWithinDays: 11}, facts: {}, expect: {}}
                  - {name: d, asOf: 2024-05-01, facts: {}, expect: {}}
                """);
        assertThat(runner.engineFor(scenarios.get(0))).isSameAs(runner.engineFor(scenarios.get(1)));
        assertThat(runner.engineFor(scenarios.get(0))).isNotSameAs(runner.engineFor(scenarios.get(2)));
        assertThat(runner.engineFor(scenarios.get(3))).isNotSameAs(runner.engineFor(scenarios.get(0)));
    }

    @Test
    void rulesThatDoNotLoadFailTheScenarioWithTheirDiagnostics() throws IOException {
        Path rules = Files.createDirectories(folder.resolve("broken"));
        Files.writeString(rules.resolve("broken.drl"), "package x;\nrule \"no end\" when then\n");
        Scenario scenario = scenarios("""
                name: broken rules
                asOf: 2024-03-01
                rules: [broken]
                facts: {}
                expect: {}
                """).get(0);
        assertThat(runner.run(scenario).failures()).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("The rules do not load:").contains("broken.drl"));
    }
}
