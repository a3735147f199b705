package io.directiverules.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An analyst's folder adds and replaces DRL files; its rules work like the bundled ones. */
class RuleFolderTest {
    private static final String ANALYST_RULE = RuleFolder.HEADER + """
            rule "A-01 Unit named in capitals"
                @ruleId("A-01") @severity("LOW") @legalBasis("Analyst §1; Test §2")
            when
                $unit : Unit(name == "Unit One")
            then
                insert(Verdict.violation(drools).unit($unit.id()).detail("name", $unit.name()).evidence($unit).build());
            end

            rule "REVIEW_UNIT for A-01" ruleflow-group "actions"
            when
                $ctx : Evaluation()
                $v : Violation(rule == "A-01")
            then
                insert(Verdict.action(drools, $ctx, "REVIEW_UNIT").actor(Actor.INSPECTORATE).because($v).build());
            end
            """;

    @TempDir
    Path temp;

    @Test
    void anAnalystsRuleProducesViolationsActionsAndCountsForEscalation() {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", ANALYST_RULE)
                .write("analyst_en.properties", "A-01.title=Unit named so\nA-01.message={unit} is named {name}.\n");
        ComplianceReport bundledOnly = ComplianceEngine.builder().module(new TestModule()).build()
                .evaluate(TestModule.facts(), TestModule.AS_OF);
        ComplianceReport report = folder.build().evaluate(TestModule.facts(), TestModule.AS_OF);

        assertThat(bundledOnly.violationsOf("T-ESC")).isEmpty();
        Violation analyst = report.violationsOf("A-01").get(0);
        assertThat(analyst.severity()).isEqualTo(Severity.LOW);
        assertThat(analyst.legalBasis()).containsExactly("Analyst §1", "Test §2");
        assertThat(analyst.message()).isEqualTo("Unit One is named Unit One.");
        assertThat(report.actions()).anySatisfy(a -> {
            assertThat(a.code()).isEqualTo("REVIEW_UNIT");
            assertThat(a.because()).containsExactly(analyst.id());
        });
        // T-01 and A-01 on U1 reach test.escalateAt = 2.
        assertThat(report.violationsOf("T-ESC")).singleElement()
                .satisfies(v -> assertThat(v.details()).containsEntry("count", 2L));
        assertThat(report.ruleSet().fingerprint()).isNotEqualTo(bundledOnly.ruleSet().fingerprint());
    }

    @Test
    void aRuleSetEmptiedOfEveryRuleEvaluatesToAnEmptyReport() {
        // An analyst who empties every file leaves no escalation or actions phase to give the focus to.
        ComplianceReport report = new RuleFolder(temp).write("base.drl", RuleFolder.HEADER)
                .write("escalation.drl", RuleFolder.HEADER)
                .build().evaluate(TestModule.facts(), TestModule.AS_OF);

        assertThat(report.violations()).isEmpty();
        assertThat(report.actions()).isEmpty();
    }

    @Test
    void aRuleWithoutMessagesGetsADefaultMessage() {
        ComplianceReport report = new RuleFolder(temp).write("analyst.drl", ANALYST_RULE).build()
                .evaluate(TestModule.facts(), TestModule.AS_OF);

        assertThat(report.violationsOf("A-01").get(0).message()).isEqualTo("A-01: U1");
    }

    @Test
    void aFileNamedLikeABundledOneReplacesIt() throws IOException {
        String bundled;
        try (InputStream in = TestModule.class.getClassLoader().getResourceAsStream(TestModule.BASE + "base.drl")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String edited = bundled.replace("$unit : Unit(headId == null)", "$unit : Unit(headId != null)");
        assertThat(edited).isNotEqualTo(bundled);
        ComplianceEngine engine = new RuleFolder(temp).write("sub/base.drl", edited).build();

        ComplianceReport report = engine.evaluate(TestModule.facts(), TestModule.AS_OF);

        assertThat(report.violationsOf("T-01")).extracting(Violation::unitId).containsExactly("U2");
        assertThat(engine.rules()).filteredOn(r -> "T-01".equals(r.ruleId())).singleElement()
                .satisfies(r -> assertThat(r.file()).isEqualTo(temp.resolve("sub/base.drl").toString()));
    }

    @Test
    void theFingerprintFollowsEveryFileOfTheFolder() {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", ANALYST_RULE);
        String first = folder.build().ruleSet().fingerprint();
        String again = folder.build().ruleSet().fingerprint();
        folder.write("analyst_en.properties", "A-01.title=Renamed\n");
        String withMessages = folder.build().ruleSet().fingerprint();
        folder.write("analyst.drl", ANALYST_RULE.replace("Analyst §1", "Analyst §2"));
        String edited = folder.build().ruleSet().fingerprint();

        assertThat(again).isEqualTo(first);
        assertThat(withMessages).isNotEqualTo(first);
        assertThat(edited).isNotIn(first, withMessages);
    }

    @Test
    void aFolderMayAddActionCodesInActionsYaml() {
        String rule = ANALYST_RULE.replace("\"REVIEW_UNIT\").actor(Actor.INSPECTORATE)",
                "\"CHECK_NAME\").actor(Actor.UNIT_HEAD)");
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", rule);
        assertThat(folder.errors()).singleElement().asString()
                .startsWith(folder.file("analyst.drl") + ":20:").contains("\"CHECK_NAME\" is not in the catalogue");

        folder.write("actions.yaml", "# extra codes\nCHECK_NAME: UNIT_HEAD\n");
        ComplianceEngine engine = folder.build();

        assertThat(engine.actionCodes()).containsEntry("CHECK_NAME", Actor.UNIT_HEAD).containsKey("NAME_HEAD");
        assertThat(engine.evaluate(TestModule.facts(), TestModule.AS_OF).actions())
                .extracting(RequiredAction::code).contains("CHECK_NAME");
    }

    @Test
    void actionsYamlCannotChangeACataloguedActorOrNameAnUnknownOne() {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", ANALYST_RULE)
                .write("actions.yaml", "NAME_HEAD: UNIT_HEAD\nCHECK_NAME: NOBODY\n");

        assertThat(folder.errors()).containsExactly(
                folder.file("actions.yaml") + ":1:12: error: action NAME_HEAD is for MINISTER in the catalogue;"
                        + " a rule folder cannot change that",
                folder.file("actions.yaml") + ":2:13: error: unknown actor \"NOBODY\" for CHECK_NAME (expected one"
                        + " of UNIT_HEAD, OFFICIAL, INSPECTORATE, ASSET_CONTROL_AGENCY, MINISTER, PERSONNEL_DEPARTMENT)");
    }
}
