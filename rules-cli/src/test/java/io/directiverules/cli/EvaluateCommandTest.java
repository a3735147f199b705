package io.directiverules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {
    @TempDir
    Path folder;

    /** The result of one in-process run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DirectiveRulesCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String ONE_UNIT = """
            units:
              - {id: U1, name: Vụ A, kind: DEPARTMENT, headId: O1}
            officials:
              - {id: O1, fullName: Trần Văn B, unitId: U1}
            """;

    @Test
    void withNoArgumentsItEvaluatesTheSample() {
        Run run = run();
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Compliance report as of 2025-07-31").contains("D09-PLAN-01")
                .contains("Required actions");
    }

    @Test
    void vietnameseReport() {
        Run run = run("evaluate", "--lang", "vi");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Báo cáo tuân thủ, tính đến ngày 31/07/2025").contains("Chưa ban hành kế hoạch năm")
                .contains("CAO").doesNotContain("HIGH");
    }

    @Test
    void jsonOutputParsesBackWithTheDocumentedShape() throws Exception {
        Run run = run("evaluate", "--format", "json");
        assertThat(run.status()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("asOf").asText()).isEqualTo("2025-07-31");
        assertThat(report.at("/ruleSet/fingerprint").asText()).startsWith("sha256:");
        assertThat(report.at("/ruleSet/modules/0/name").asText()).isEqualTo("directive09");
        assertThat(report.at("/summary/violations").asInt()).isEqualTo(report.get("violations").size());
        JsonNode violation = report.get("violations").get(0);
        for (String field : new String[] {"id", "rule", "severity", "unitId", "title", "message", "legalBasis",
                "evidence"}) {
            assertThat(violation.has(field)).as(field).isTrue();
        }
        JsonNode action = report.get("actions").get(0);
        for (String field : new String[] {"id", "code", "actor", "unitId", "dueOn", "because", "description"}) {
            assertThat(action.has(field)).as(field).isTrue();
        }
    }

    @Test
    void failOnGivesStatusOneOnlyAtOrAboveTheSeverity() throws Exception {
        Path facts = write("facts.yaml", ONE_UNIT);
        assertThat(run("evaluate", "--facts", facts.toString(), "--as-of", "2024-03-07", "--fail-on", "HIGH")
                .status()).isEqualTo(1);
        assertThat(run("evaluate", "--facts", facts.toString(), "--as-of", "2024-03-07", "--fail-on", "CRITICAL")
                .status()).isZero();
    }

    @Test
    void badFactsGiveStatusTwoWithEveryErrorListed() throws Exception {
        Path facts = write("bad.yaml", """
                units:
                  - {id: U1, name: Vụ A, kind: DEPT}
                officials:
                  - {id: O1, fullName: Trần Văn B, unitId: U9}
                """);
        Run run = run("evaluate", "--facts", facts.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("units[0].kind").contains("officials[0].unitId").contains("bad.yaml");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badArgumentsGiveStatusTwo() {
        assertThat(run("evaluate", "--as-of", "yesterday").status()).isEqualTo(2);
        assertThat(run("evaluate", "--lang", "fr").status()).isEqualTo(2);
        assertThat(run("evaluate", "--format", "pdf").status()).isEqualTo(2);
        assertThat(run("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void badParametersGiveStatusTwo() throws Exception {
        Path params = write("params.yaml", "rotation.periodYears.FINANCE: 9\n");
        Run run = run("evaluate", "--params", params.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("rotation.periodYears.FINANCE");
    }

    @Test
    void brokenRulesGiveStatusThreeWithFileAndLine() throws Exception {
        Path rules = Files.createDirectories(folder.resolve("rules"));
        Files.writeString(rules.resolve("plan.drl"), "package io.directiverules.directive09;\nrule \"x\" when Unit( then end\n");
        Run run = run("evaluate", "--rules", rules.toString());
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains(rules.resolve("plan.drl") + ":2:");
    }

    @Test
    void outIsWrittenWholeAndReplacesAnExistingFile() throws Exception {
        Path out = write("report.json", "old report");
        Run run = run("evaluate", "--format", "json", "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("violations").isArray()).isTrue();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void aNewReportFileIsReadableLikeAnyOtherFile() throws Exception {
        Path out = folder.resolve("new-report.json");
        assertThat(run("evaluate", "--format", "json", "--out", out.toString()).status()).isZero();
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void outIsLeftUntouchedWhenTheRunFails() throws Exception {
        Path out = write("report.json", "old report");
        Path facts = write("bad.yaml", "units:\n  - {id: U1}\n");
        assertThat(run("evaluate", "--facts", facts.toString(), "--out", out.toString()).status()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("old report");
        Path fresh = folder.resolve("fresh.json");
        assertThat(run("evaluate", "--facts", facts.toString(), "--out", fresh.toString()).status()).isEqualTo(2);
        assertThat(fresh).doesNotExist();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "bad.yaml");
        }
    }

    @Test
    void csvAndHtmlFormats() {
        assertThat(run("evaluate", "--format", "csv").out()).startsWith("id,rule,severity,unitId");
        assertThat(run("evaluate", "--format", "html").out()).startsWith("<!DOCTYPE html>").contains("D09-PLAN-01");
    }

    @Test
    void rulesListsEveryViolationRuleWithItsSource() {
        Run run = run("rules");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("D09-PLAN-01").contains("plan.drl:");
    }
}
