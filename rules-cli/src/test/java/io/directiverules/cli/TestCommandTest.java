package io.directiverules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTest {
    private static final String PASSING = """
            scenarios:
              - name: A plan issued the day after the deadline is late
                asOf: 2024-12-01
                parameters: {evaluation.fromYear: 2024}
                facts:
                  units: [{id: U1, name: Vụ A, kind: DEPARTMENT}]
                  plans: [{id: P1, unitId: U1, year: 2024, issuedOn: 2024-03-07}]
                expect:
                  violations: [{rule: D09-PLAN-02, unitId: U1, dueOn: 2024-03-06}]
              - name: No plan on the deadline day is not yet missing
                asOf: 2024-03-06
                parameters: {evaluation.fromYear: 2024}
                facts:
                  units: [{id: U1, name: Vụ A, kind: DEPARTMENT}]
                expect:
                  absent: [{rule: D09-PLAN-01}]
            """;

    private static final String FAILING = """
            name: Wrong severity
            asOf: 2024-12-01
            parameters: {evaluation.fromYear: 2024}
            facts:
              units: [{id: U1, name: Vụ A, kind: DEPARTMENT}]
              plans: [{id: P1, unitId: U1, year: 2024, issuedOn: 2024-03-07}]
            expect:
              violations: [{rule: D09-PLAN-02, unitId: U1, severity: HIGH}]
            """;

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void passingScenariosPrintOneLineEachAndExitZero() throws IOException {
        write("plan/plan.yaml", PASSING);
        CommandRun run = CommandRun.of("test", folder.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "PASS  A plan issued the day after the deadline is late  (" + folder.resolve("plan/plan.yaml") + ":2)",
                "PASS  No plan on the deadline day is not yet missing  (" + folder.resolve("plan/plan.yaml") + ":10)",
                "2 passed, 0 failed");
    }

    @Test
    void aFailingScenarioSaysWhyAndExitsOne() throws IOException {
        write("a.yaml", PASSING);
        Path failing = write("b.yaml", FAILING);
        CommandRun run = CommandRun.of("test", folder.resolve("a.yaml").toString(), failing.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  Wrong severity  (" + failing + ":1)\n"
                        + "      Expected a violation {rule: D09-PLAN-02, unitId: U1, severity: HIGH} (line 8), but none matched.\n"
                        + "        Nearest miss: D09-PLAN-02 for U1: severity expected HIGH but was MEDIUM\n")
                .endsWith("2 passed, 1 failed\n");
    }

    @Test
    void coverageListsEveryRuleAndCitationAndTheThresholdFailsTheRun() throws IOException {
        write("plan.yaml", PASSING);
        CommandRun run = CommandRun.of("test", folder.toString(), "--coverage");
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("2 passed, 0 failed\n\nCoverage over 2 scenarios: \\d+ of \\d+ rules")
                .contains("  D09-PLAN-02      1\n").contains("  D09-PLAN-01      0\n")
                .contains("Legal citations (scenarios in which each was cited):\n")
                .contains("  Dir09 §12                1\n")
                .containsPattern("Rules never exercised: .*D09-PLAN-01");

        CommandRun strict = CommandRun.of("test", folder.toString(), "--min-coverage", "0.9");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains("Coverage is below the minimum of 90%");
        assertThat(CommandRun.of("test", folder.toString(), "--min-coverage", "0").status()).isZero();
    }

    @Test
    void badScenarioFilesAreBadInputListingEveryError() throws IOException {
        Path bad = write("bad.yaml", "name: x\nasOf: 2024-01-01\nfacts: {}\nexpect: {}\nexpected: {}\n");
        Path worse = write("worse.yaml", "name: y\nasof: 2024-01-01\nfacts: {}\nexpect: {}\n");
        CommandRun run = CommandRun.of("test", folder.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":5").contains(worse + ":2");
        assertThat(CommandRun.of("test", folder.resolve("missing").toString()).status()).isEqualTo(2);
        assertThat(CommandRun.of("test", folder.toString(), "--min-coverage", "2").status()).isEqualTo(2);
    }

    @Test
    void rulesThatDoNotCompileExitThree() throws IOException {
        write("plan.yaml", PASSING);
        Path rules = Files.createDirectories(folder.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package x;\nrule \"broken\" when then\n");
        CommandRun run = CommandRun.of("test", folder.resolve("plan.yaml").toString(), "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("broken.drl");
    }
}
