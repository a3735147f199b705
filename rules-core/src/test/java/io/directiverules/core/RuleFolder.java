package io.directiverules.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An analyst's rule folder in a test: write files, build an engine over the test module and the folder. */
final class RuleFolder {
    /** The DRL header every analyst file in these tests starts with (6 lines). */
    static final String HEADER = """
            package io.directiverules.analyst;
            import io.directiverules.core.Actor;
            import io.directiverules.core.Violation;
            import io.directiverules.core.model.Unit;
            import io.directiverules.core.rule.Evaluation;
            import io.directiverules.core.rule.Verdict;
            """;

    private final Path folder;

    RuleFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    /** Writes {@code text} to {@code name} in the folder. */
    RuleFolder write(String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code name} from the folder. */
    RuleFolder delete(String name) {
        try {
            Files.deleteIfExists(folder.resolve(name));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of {@code name} as diagnostics name it. */
    String file(String name) {
        return folder.resolve(name).toString();
    }

    ComplianceEngine.Builder builder() {
        return ComplianceEngine.builder().module(new TestModule()).ruleFolder(folder);
    }

    ComplianceEngine build() {
        return builder().build();
    }

    /** The diagnostics of a build that must fail. */
    List<Diagnostic> failures() {
        RuleLoadException[] thrown = new RuleLoadException[1];
        assertThatThrownBy(() -> build()).isInstanceOfSatisfying(RuleLoadException.class, e -> thrown[0] = e);
        return thrown[0].diagnostics();
    }

    /** The rendered errors of a build that must fail. */
    List<String> errors() {
        return failures().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).map(Diagnostic::toString).toList();
    }
}
