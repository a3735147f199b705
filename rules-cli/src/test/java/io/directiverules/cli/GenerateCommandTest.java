package io.directiverules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    @TempDir
    Path folder;

    @Test
    void writesAFactsFileThatEvaluatesAndTellsTheDateToEvaluateOn() throws Exception {
        Path file = folder.resolve("ministry.json");
        EvaluateCommandTest.Run run = EvaluateCommandTest.run("generate", "--officials", "500", "--seed", "4",
                "--out", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("officials", "as of 2025-07-31").containsPattern("officials\\s+500");
        assertThat(Files.size(file)).isPositive();
        // Readable like any file the user writes, not private as a temporary file is.
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");

        EvaluateCommandTest.Run evaluated = EvaluateCommandTest.run("evaluate", "--facts", file.toString(),
                "--as-of", "2025-07-31", "--format", "json");
        assertThat(evaluated.status()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("\"asOf\" : \"2025-07-31\"");
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        Path first = folder.resolve("a.json");
        Path second = folder.resolve("b.json");
        EvaluateCommandTest.run("generate", "--officials", "300", "--seed", "9", "--out", first.toString());
        EvaluateCommandTest.run("generate", "--officials", "300", "--seed", "9", "--out", second.toString());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void refusesATooSmallMinistryAndAFileThatIsNotJson() {
        EvaluateCommandTest.Run tiny = EvaluateCommandTest.run("generate", "--officials", "5", "--out",
                folder.resolve("x.json").toString());
        assertThat(tiny.status()).isEqualTo(DirectiveRulesCommand.BAD_INPUT);
        assertThat(tiny.err()).contains("at least 50 officials");
        EvaluateCommandTest.Run yaml = EvaluateCommandTest.run("generate", "--officials", "100", "--out",
                folder.resolve("x.yaml").toString());
        assertThat(yaml.status()).isEqualTo(DirectiveRulesCommand.BAD_INPUT);
        assertThat(Files.exists(folder.resolve("x.yaml"))).isFalse();
    }
}
