package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the README's embedding example compiling and true: the README must show this code verbatim. */
class ReadmeExampleTest {

    @Test
    void theEmbeddingExampleRunsOnTheSample() throws Exception {
        Path factsFile = Files.createTempFile("ministry", ".yaml");
        try (var sample = Directive09Module.class.getClassLoader()
                .getResourceAsStream(Directive09Module.BASE + "sample/ministry.yaml")) {
            Files.copy(sample, factsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>();
        // README-BEGIN
        // Build once at start-up: compiles the DRL; thread-safe afterwards.
        ComplianceEngine engine = ComplianceEngine.builder()
                .discoverModules()                          // finds rules-directive09 on the class path
                .parameter("plan.issueWithinDays", 30)      // optional overrides
                .build();

        Facts facts = FactsReader.strict().read(factsFile);  // or Facts.builder()...build()
        ComplianceReport report = engine.evaluate(facts, LocalDate.of(2025, 7, 31), Language.VI);

        for (Violation v : report.violations()) {
            lines.add(v.rule() + " " + v.unitId() + ": " + v.message());
        }
        for (RequiredAction a : report.actions()) {
            lines.add(a.code() + " -> " + a.actorId() + " by " + a.dueOn());
        }
        // README-END
        assertThat(lines).anyMatch(l -> l.startsWith("D09-PLAN-01 U-DTDL: "));
        assertThat(lines).anyMatch(l -> l.startsWith("ISSUE_PLAN -> "));
        Files.delete(factsFile);
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/directiverules/directive09/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// README-BEGIN\n") + 16, source.indexOf("        // README-END"))
                .lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(example);
    }
}
