package io.directiverules.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} and {@code --rules}: an analyst copies plan.drl, edits it, checks it and runs it. */
class CheckCommandTest {
    /** A relative folder, so the test sees paths printed as given. */
    private static final Path RULES = Path.of("target", "check-command-test", "rules");

    private String out;
    private String err;

    @BeforeEach
    void cleanFolder() throws IOException {
        deleteFolder();
        Files.createDirectories(RULES);
    }

    @AfterEach
    void deleteFolder() throws IOException {
        if (Files.exists(RULES.getParent())) {
            try (Stream<Path> files = Files.walk(RULES.getParent())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private int run(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int status = DirectiveRulesCommand.run(args, new PrintWriter(outText, true), new PrintWriter(errText, true));
        out = outText.toString();
        err = errText.toString();
        return status;
    }

    private static String bundledPlan() throws IOException {
        try (InputStream in = CheckCommandTest.class.getClassLoader()
                .getResourceAsStream("io/directiverules/directive09/plan.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String location(String drl, String marker) {
        int offset = drl.indexOf(marker);
        assertThat(offset).as("marker %s", marker).isNotNegative();
        String before = drl.substring(0, offset);
        return RULES.resolve("plan.drl") + ":" + (before.chars().filter(c -> c == '\n').count() + 1) + ":"
                + (offset - before.lastIndexOf('\n'));
    }

    @Test
    void theBundledRulesPassTheCheck() {
        assertThat(run("check")).isZero();
        assertThat(out).doesNotContain("error").containsPattern("\\d+ rules, \\d+ warning\\(s\\)");
    }

    @Test
    void aBrokenCopyOfPlanDrlIsReportedByPathLineAndColumnWithStatus3() throws IOException {
        String drl = bundledPlan()
                .replace("insert(new PlanDeadline($y, $ctx.daysAfter(ministryPlan, \"plan.issueWithinDays\")));",
                        "insert(new PlanDeadline($y, $ctx.daysAfter(ministryPlan, \"plan.issueWithinDays\")));"
                                + " Runtime.getRuntime();")
                .replace("\"REPORT_REASONS\").actor(Actor.UNIT_HEAD)", "\"REPORT_EXCUSES\").actor(Actor.UNIT_HEAD)");
        Files.writeString(RULES.resolve("plan.drl"), drl);

        assertThat(run("check", "--rules", RULES.toString())).isEqualTo(3);
        List<String> lines = out.lines().toList();
        assertThat(lines).contains(
                location(drl, "Runtime.getRuntime") + ": error: `Runtime` is forbidden in rules: no system, process,"
                        + " thread, reflection, class-loading, file, network or JNDI access",
                location(drl, "\"REPORT_EXCUSES\"") + ": error: action code \"REPORT_EXCUSES\" is not in the"
                        + " catalogue (the loaded modules' action codes and the rule folders' actions.yaml)");
        assertThat(lines.get(lines.size() - 1)).endsWith("the rule set does not load");
    }

    @Test
    void aDroolsErrorInACopyIsAtItsLineAndColumn() throws IOException {
        String drl = bundledPlan().replace("$plan.id()).evidence($plan, $assessment)",
                "$plan.nosuchId()).evidence($plan, $assessment)");
        assertThat(drl).contains("nosuchId");
        Files.writeString(RULES.resolve("plan.drl"), drl);

        assertThat(run("check", "--rules", RULES.toString())).isEqualTo(3);
        assertThat(out.lines()).contains(location(drl, "nosuchId") + ": error: The method nosuchId() is undefined"
                + " for the type Plan");
    }

    @Test
    void warningsArePrintedWithoutFailingTheCheck() throws IOException {
        String drl = bundledPlan().replace("$ctx : Evaluation(asOf > $due)", "$ctx : Evaluation(asOf > $due, asOf.year > 2020)");
        Files.writeString(RULES.resolve("plan.drl"), drl);

        assertThat(run("check", "--rules", RULES.toString())).isZero();
        assertThat(out.lines()).contains(location(drl, "2020") + ": warning: rule \"D09-PLAN-01 Annual plan missing\":"
                + " the number 2020 in a condition should be a parameter ($ctx.integer(key, day), $ctx.decimal(key, day),"
                + " ...)");
    }

    @Test
    void anEditedCopyChangesTheReportAndItsFingerprint() throws IOException {
        Files.writeString(RULES.resolve("plan.drl"), bundledPlan().replace(
                "@ruleId(\"D09-PLAN-01\") @severity(\"HIGH\")", "@ruleId(\"D09-PLAN-01\") @severity(\"CRITICAL\")"));

        assertThat(run("evaluate", "--format", "json")).isZero();
        String bundled = out;
        assertThat(run("evaluate", "--format", "json", "--rules", RULES.toString())).isZero();
        String edited = out;

        assertThat(fingerprint(edited)).isNotEqualTo(fingerprint(bundled));
        assertThat(bundled).contains("\"rule\" : \"D09-PLAN-01\"");
        assertThat(edited).containsPattern("\"rule\" : \"D09-PLAN-01\",\\s*\"severity\" : \"CRITICAL\"");
        assertThat(bundled).containsPattern("\"rule\" : \"D09-PLAN-01\",\\s*\"severity\" : \"HIGH\"");
    }

    @Test
    void runawayLimitsMustBePositive() {
        assertThat(run("check", "--time-limit", "0")).isEqualTo(2);
        assertThat(err).contains("--time-limit: must be positive");
    }

    private static String fingerprint(String json) {
        int at = json.indexOf("\"fingerprint\" : \"");
        assertThat(at).isNotNegative();
        return json.substring(at, json.indexOf('"', at + 17));
    }
}
