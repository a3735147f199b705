package io.directiverules.testkit;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.Facts;
import io.directiverules.core.model.UnitKind;
import io.directiverules.testkit.Impact.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleChangeImpactTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);

    @TempDir
    Path folder;

    private static Facts facts() {
        return TestFacts.create()
                .unit("M", UnitKind.MINISTRY, u -> u.head("O1"))
                .unit("U1", UnitKind.DEPARTMENT, u -> u.parent("M").head("O2"))
                .unit("U2", UnitKind.DEPARTMENT, u -> u.parent("M"))
                .official("O1", "M")
                .official("O2", "U1")
                .plan("P1", "U1", 2024, p -> p.issuedOn("2024-02-10"))
                .plan("P2", "U2", 2024, p -> p.issuedOn("2024-01-25"))
                .gift("G1", "O2", "2024-02-01", g -> { })
                .build();
    }

    private static ComplianceEngine.Builder base() {
        return ComplianceEngine.builder().discoverModules().parameter("evaluation.fromYear", 2024);
    }

    /** The test rules with {@code edit} applied to their text, in a folder that replaces the bundled file. */
    private Path editedRules(String from, String to) throws IOException {
        String drl;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TestRuleModule.BASE + "tk.drl")) {
            drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(drl).contains(from);
        Path rules = Files.createDirectories(folder.resolve("changed"));
        Files.writeString(rules.resolve("tk.drl"), drl.replace(from, to));
        return rules;
    }

    @Test
    void aShorterDeadlineMakesViolationsAppearAndChange() {
        Impact impact = RuleChangeImpact.between(RuleChangeImpactTest::base,
                () -> base().parameter("tk.issueWithinDays", 20)).of(facts(), AS_OF);
        // Deadline Jan 31 -> Jan 21: U2's plan of Jan 25 becomes late; M's missing plan and U1's late plan
        // keep their ids but get a new deadline.
        assertThat(impact.of(Kind.APPEARS, true)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("TK-PLAN-02");
            assertThat(c.unitId()).isEqualTo("U2");
        });
        assertThat(impact.of(Kind.CHANGES, true)).extracting(Impact.Change::line).containsExactly(
                "~ TK-PLAN-01 HIGH M due 2024-01-21 {year=2024}: dueOn: 2024-01-31 → 2024-01-21",
                "~ TK-PLAN-02 MEDIUM U1 due 2024-01-21 {planId=P1, year=2024}: dueOn: 2024-01-31 → 2024-01-21");
        assertThat(impact.of(Kind.DISAPPEARS, true)).isEmpty();
        // The action answering M's missing plan keeps its id and due date (the evaluation date plus 15 days).
        assertThat(impact.of(Kind.CHANGES, false)).isEmpty();
        assertThat(impact.byRule()).containsOnlyKeys("TK-PLAN-01", "TK-PLAN-02");
        assertThat(impact.byUnit()).containsOnlyKeys("M", "U1", "U2");
        assertThat(impact.summary()).isEqualTo("1 violation appears, 0 disappear, 2 change; 0 actions appear,"
                + " 0 disappear, 0 change; in 2 rules and 3 units (1 fact set, violations 3 → 4).");
        assertThat(impact.toText()).startsWith("By rule:\n  TK-PLAN-01  +0 -0 ~1\n")
                .contains("  TK-PLAN-02  +1 -0 ~1\n    ~ TK-PLAN-02 MEDIUM U1")
                .contains("By unit:\n  M              +0 -0 ~1  [TK-PLAN-01]\n");
    }

    @Test
    void aChangedRuleFileChangesSeverityAndARemovedConditionMakesViolationsDisappear() throws IOException {
        Path severity = editedRules("@ruleId(\"TK-PLAN-01\") @severity(\"HIGH\")",
                "@ruleId(\"TK-PLAN-01\") @severity(\"CRITICAL\")");
        Impact changed = RuleChangeImpact.between(RuleChangeImpactTest::base, () -> base().ruleFolder(severity))
                .of(facts(), AS_OF);
        assertThat(changed.changes()).extracting(Impact.Change::line)
                .containsExactly("~ TK-PLAN-01 CRITICAL M due 2024-01-31 {year=2024}: severity: HIGH → CRITICAL");
    }

    @Test
    void aRuleThatNoLongerFiresDisappearsWithItsAction() throws IOException {
        Path quiet = editedRules("$unit : Unit(kind != UnitKind.DIVISION)",
                "$unit : Unit(kind != UnitKind.DIVISION, kind != UnitKind.MINISTRY)");
        Impact impact = RuleChangeImpact.between(RuleChangeImpactTest::base, () -> base().ruleFolder(quiet))
                .of(facts(), AS_OF);
        assertThat(impact.changes()).extracting(c -> c.kind() + " " + c.key() + " " + c.unitId())
                .containsExactly("DISAPPEARS TK-PLAN-01 M", "DISAPPEARS ISSUE_PLAN M");
    }

    @Test
    void aChangeThatAltersNothingSaysSo() {
        Impact impact = RuleChangeImpact.between(RuleChangeImpactTest::base,
                () -> base().parameter("action.dueDays", 15)).of(facts(), AS_OF);
        assertThat(impact.isEmpty()).isTrue();
        assertThat(impact.summary()).isEqualTo(
                "No change: the same 3 violations and 1 actions under both rule sets (1 fact set).");
        assertThat(impact.toText()).isEqualTo(impact.summary() + "\n");
    }

    @Test
    void everyScenarioOfAFolderIsComparedWithItsOwnParameters() throws IOException {
        Files.writeString(folder.resolve("s.yaml"), """
                scenarios:
                  - name: deadline moved by the scenario
                    asOf: 2024-03-01
                    parameters: {evaluation.fromYear: 2024, tk.issueWithinDays: 10}
                    facts:
                      units: [{id: U1, name: A, kind: DEPARTMENT}]
                      plans: [{id: P1, unitId: U1, year: 2024, issuedOn: 2024-01-09}]
                    expect: {}
                  - name: refused facts are left out
                    asOf: 2024-03-01
                    facts:
                      officials: [{id: O1, fullName: X, unitId: U9}]
                    expect:
                      inputErrors: [{field: "officials[0].unitId"}]
                """);
        Path later = editedRules("LocalDate.of($y, 1, 1)", "LocalDate.of($y, 1, 1).minusDays(5)");
        Impact impact = RuleChangeImpact.between(RuleChangeImpactTest::base, () -> base().ruleFolder(later))
                .ofScenarios(List.of(folder.resolve("s.yaml")));
        assertThat(impact.factSets()).isEqualTo(1);
        assertThat(impact.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.APPEARS);
            assertThat(c.factSet()).isEqualTo("s.yaml: deadline moved by the scenario");
            assertThat(c.description()).startsWith("TK-PLAN-02 MEDIUM U1 due 2024-01-06");
        });
        assertThat(impact.notes()).containsExactly("s.yaml: refused facts are left out: left out, its facts are invalid");
    }
}
