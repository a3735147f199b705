package io.directiverules.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint: metadata, rule ids and the action catalogue are errors; literals and dead patterns are warnings. */
class LintTest {
    @TempDir
    Path temp;

    private String at(RuleFolder folder, String drl, String marker, String level) {
        int offset = drl.indexOf(marker);
        assertThat(offset).as("marker %s", marker).isNotNegative();
        String before = drl.substring(0, offset);
        return folder.file("lint.drl") + ":" + (before.chars().filter(c -> c == '\n').count() + 1) + ":"
                + (offset - before.lastIndexOf('\n')) + ": " + level + ": ";
    }

    @Test
    void aViolationRuleWithoutMetadataOrWithAnUnknownSeverityDoesNotLoad() {
        String drl = RuleFolder.HEADER + """
                rule "A-10 no metadata"
                when
                    $unit : Unit()
                then
                    insert(Verdict.violation(drools).unit($unit.id()).build());
                end
                rule "A-11 odd severity"
                    @ruleId("A-11") @severity("SEVERE") @legalBasis("Analyst §11")
                when
                    $unit : Unit()
                then
                    insert(Verdict.violation(drools).unit($unit.id()).build());
                end
                """;
        RuleFolder folder = new RuleFolder(temp).write("lint.drl", drl);
        String noMetadata = at(folder, drl, "rule \"A-10", "error");

        assertThat(folder.errors()).containsExactly(
                noMetadata + "rule \"A-10 no metadata\" emits a violation but has no @ruleId",
                noMetadata + "rule \"A-10 no metadata\" emits a violation but has no @severity",
                noMetadata + "rule \"A-10 no metadata\" emits a violation but has no @legalBasis",
                at(folder, drl, "rule \"A-11", "error") + "rule \"A-11 odd severity\" has unknown @severity(\"SEVERE\")"
                        + " (expected LOW, MEDIUM, HIGH or CRITICAL)");
    }

    @Test
    void oneObligationMayTakeSeveralRulesInOneFileWhenTheyAgreeOnSeverityAndBasis() {
        String rule = """
                rule "A-20 %s"
                    @ruleId("A-20") @severity("%s") @legalBasis("Analyst §20")
                when
                    $unit : Unit()
                then
                    insert(Verdict.violation(drools).unit($unit.id()).build());
                end
                """;
        String agreeing = RuleFolder.HEADER + rule.formatted("missing", "LOW") + rule.formatted("late", "LOW");
        assertThat(new RuleFolder(temp).write("lint.drl", agreeing).build().rules())
                .filteredOn(r -> "A-20".equals(r.ruleId())).hasSize(2);

        String disagreeing = RuleFolder.HEADER + rule.formatted("missing", "LOW") + rule.formatted("late", "HIGH");
        RuleFolder folder = new RuleFolder(temp).write("lint.drl", disagreeing);
        assertThat(folder.errors()).singleElement().asString()
                .startsWith(at(folder, disagreeing, "rule \"A-20 late", "error"))
                .contains("duplicate rule id A-20");
    }

    @Test
    void aDuplicateRuleIdDoesNotLoad() {
        String drl = RuleFolder.HEADER + """
                rule "T-01 again"
                    @ruleId("T-01") @severity("LOW") @legalBasis("Analyst §1")
                when
                    $unit : Unit()
                then
                    insert(Verdict.violation(drools).unit($unit.id()).build());
                end
                """;
        RuleFolder folder = new RuleFolder(temp).write("lint.drl", drl);

        assertThat(folder.errors()).singleElement().asString()
                .startsWith(at(folder, drl, "rule \"T-01 again", "error"))
                .contains("duplicate rule id T-01", "io/directiverules/testmodule/base.drl:11");
    }

    @Test
    void anActionCodeOrActorTheCatalogueDoesNotDefineDoesNotLoad() {
        String drl = RuleFolder.HEADER + """
                rule "Actions of T-01"
                    ruleflow-group "actions"
                when
                    $ctx : Evaluation()
                    $v : Violation(rule == "T-01")
                then
                    insert(Verdict.action(drools, $ctx, "INVENTED").actor(Actor.UNIT_HEAD).because($v).build());
                    insert(Verdict.action(drools, $ctx, "NAME_HEAD").actor(Actor.OFFICIAL).because($v).build());
                end
                """;
        RuleFolder folder = new RuleFolder(temp).write("lint.drl", drl);

        assertThat(folder.errors()).containsExactly(
                at(folder, drl, "\"INVENTED\"", "error") + "action code \"INVENTED\" is not in the catalogue (the"
                        + " loaded modules' action codes and the rule folders' actions.yaml)",
                at(folder, drl, "OFFICIAL", "error") + "action NAME_HEAD is for MINISTER in the catalogue, not OFFICIAL");
    }

    @Test
    void anActionCodeComputedAtRunTimeIsCheckedAtRunTime() {
        String drl = RuleFolder.HEADER + """
                rule "Actions of T-01"
                    ruleflow-group "actions"
                when
                    $ctx : Evaluation()
                    $v : Violation(rule == "T-01")
                then
                    String code = "INV" + "ENTED";
                    insert(Verdict.action(drools, $ctx, code).actor(Actor.UNIT_HEAD).because($v).build());
                end
                """;
        ComplianceEngine engine = new RuleFolder(temp).write("lint.drl", drl).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.evaluate(TestModule.facts(), TestModule.AS_OF))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("rule \"Actions of T-01\" produced action code INVENTED, which the catalogue does not"
                        + " define");
    }

    @Test
    void literalsInConditionsAndRulesThatCannotFireAreWarnings() {
        String drl = RuleFolder.HEADER + """
                declare Never
                    unitId : String
                end
                rule "A-20 literals"
                    @ruleId("A-20") @severity("LOW") @legalBasis("Analyst §20")
                when
                    $ctx : Evaluation(asOf > "2024-01-01", asOf.year > 2023)
                    $unit : Unit(name.length() > 0, id != null)
                then
                    insert(Verdict.violation(drools).unit($unit.id()).detail("limit", 50).build());
                end
                rule "A-21 dead"
                    @ruleId("A-21") @severity("LOW") @legalBasis("Analyst §21")
                when
                    $never : Never()
                    $date : java.time.LocalDate()
                then
                    insert(Verdict.violation(drools).unit($never.getUnitId()).build());
                end
                """;
        ComplianceEngine engine = new RuleFolder(temp).write("lint.drl", drl).build();
        RuleFolder folder = new RuleFolder(temp);

        List<String> warnings = engine.warnings().stream().map(Diagnostic::toString).toList();

        assertThat(warnings).containsExactly(
                at(folder, drl, "\"2024-01-01\"", "warning") + "rule \"A-20 literals\": the date \"2024-01-01\" in a"
                        + " condition should be a parameter ($ctx.date(key, day))",
                at(folder, drl, "2023", "warning") + "rule \"A-20 literals\": the number 2023 in a condition should"
                        + " be a parameter ($ctx.integer(key, day), $ctx.decimal(key, day), ...)",
                at(folder, drl, "$never : Never()", "warning") + "rule \"A-21 dead\" can never fire: nothing inserts"
                        + " a Never (the engine inserts the facts, Evaluation and JudgedYear; rules insert what their"
                        + " consequences create)",
                at(folder, drl, "$date", "warning") + "rule \"A-21 dead\" can never fire: nothing inserts a LocalDate"
                        + " (the engine inserts the facts, Evaluation and JudgedYear; rules insert what their"
                        + " consequences create)");
    }
}
