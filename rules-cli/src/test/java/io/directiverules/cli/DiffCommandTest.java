package io.directiverules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    @TempDir
    Path folder;

    /** The bundled plan.drl with {@code from} replaced by {@code to}, in a folder of its own. */
    private Path changedPlanRules(String name, String from, String to) throws IOException {
        String drl;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("io/directiverules/directive09/plan.drl")) {
            drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(drl).contains(from);
        Path rules = Files.createDirectories(folder.resolve(name));
        Files.writeString(rules.resolve("plan.drl"), drl.replace(from, to));
        return rules;
    }

    private Path facts() throws IOException {
        return Files.writeString(folder.resolve("facts.yaml"), """
                units:
                  - {id: U1, name: Vụ A, kind: DEPARTMENT}
                  - {id: U2, name: Vụ B, kind: DEPARTMENT}
                plans:
                  - {id: P1, unitId: U1, year: 2024, issuedOn: 2024-03-01}
                  - {id: P2, unitId: U2, year: 2024, issuedOn: 2024-03-10}
                """);
    }

    @Test
    void aChangedRuleFolderListsWhatChangesByRuleAndUnitWithASummary() throws IOException {
        Path changed = changedPlanRules("changed", "@ruleId(\"D09-PLAN-02\") @severity(\"MEDIUM\")",
                "@ruleId(\"D09-PLAN-02\") @severity(\"HIGH\")");
        CommandRun run = CommandRun.of("diff", "--rules", changed.toString(), "--facts", facts().toString(),
                "--as-of", "2024-06-30");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Base:    bundled rules\nChanged: bundled rules + " + changed + "\n")
                .contains("By rule:\n  D09-PLAN-02  +0 -0 ~1\n    ~ D09-PLAN-02 HIGH U2 due 2024-03-06")
                .contains(": severity: MEDIUM → HIGH\n")
                .contains("By unit:\n  U2             +0 -0 ~1  [D09-PLAN-02]\n")
                // Other areas' rules judge these facts too; only the severity of one violation changes.
                .containsPattern("0 violations appear, 0 disappear, 1 changes; 0 actions appear, 0 disappear, 0 change;"
                        + " in 1 rule and 1 unit \\(1 fact set, violations (\\d+) → \\1\\)\\.\n$");
    }

    @Test
    void twoParameterSetsAreComparedOnTheSample() throws IOException {
        Path base = Files.writeString(folder.resolve("base.yaml"), "plan.issueWithinDays: 30\n");
        Path shorter = Files.writeString(folder.resolve("shorter.yaml"), "plan.issueWithinDays: 10\n");
        CommandRun run = CommandRun.of("diff", "--base-params", base.toString(), "--params", shorter.toString(),
                "--facts", facts().toString(), "--as-of", "2024-06-30");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Base:    bundled rules, parameters " + base)
                .contains("+ D09-PLAN-02 MEDIUM U1 due 2024-02-15")
                .contains("+ REVIEW_DELAY_RESPONSIBILITY U1 → UNIT_HEAD for D09-PLAN-02 2024\n")
                .contains("~ D09-PLAN-02 MEDIUM U2 due 2024-02-15 {planId=P2, year=2024}: dueOn: 2024-03-06 → 2024-02-15")
                // 2023 is judged too (the year before the evaluation date): its missing plans were due earlier.
                .contains("~ D09-PLAN-01 HIGH U1 due 2023-01-11 {year=2023}: dueOn: 2023-01-31 → 2023-01-11")
                .containsPattern("1 violation appears, 0 disappear, 3 change; 1 action appears, .*\\n$");

        CommandRun sample = CommandRun.of("diff", "--params", shorter.toString());
        assertThat(sample.status()).as(sample.err()).isZero();
        assertThat(sample.out()).contains("Facts:   the bundled sample\n");
    }

    @Test
    void aChangeThatAltersNothingSaysSo() throws IOException {
        Path same = changedPlanRules("same", "// Required actions", "// Required actions (unchanged)");
        CommandRun run = CommandRun.of("diff", "--base", same.toString(), "--rules", same.toString(),
                "--facts", facts().toString(), "--as-of", "2024-06-30");
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("No change: the same [1-9]\\d* violations and [1-9]\\d* actions under"
                + " both rule sets \\(1 fact set\\)\\.\n$");
    }

    @Test
    void scenariosOfAFolderAreComparedEachOnItsDate() throws IOException {
        Path scenarios = Files.createDirectories(folder.resolve("scenarios"));
        Files.writeString(scenarios.resolve("plan.yaml"), """
                name: late plan
                asOf: 2024-06-30
                parameters: {evaluation.fromYear: 2024}
                facts:
                  units: [{id: U1, name: Vụ A, kind: DEPARTMENT}]
                  plans: [{id: P1, unitId: U1, year: 2024, issuedOn: 2024-03-01}]
                expect: {}
                """);
        Path shorter = Files.writeString(folder.resolve("shorter.yaml"), "plan.issueWithinDays: 10\n");
        CommandRun run = CommandRun.of("diff", "--params", shorter.toString(), "--scenarios", scenarios.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Facts:   scenarios under " + scenarios)
                .contains("+ D09-PLAN-02 MEDIUM U1 due 2024-02-15");
    }

    @Test
    void badInputAndBrokenRulesHaveTheirExitStatus() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"), "units: [{id: U1, kind: DEPARTMENT}]\n");
        CommandRun refused = CommandRun.of("diff", "--facts", bad.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("units[0].name");
        assertThat(CommandRun.of("diff", "--facts", bad.toString(), "--scenarios", folder.toString()).status())
                .isEqualTo(2);
        Path broken = changedPlanRules("broken", "rule \"D09-PLAN-01 Annual plan missing\"", "rule \"oops");
        assertThat(CommandRun.of("diff", "--rules", broken.toString(), "--facts", facts().toString()).status())
                .isEqualTo(3);
    }
}
