package io.directiverules.testkit;

import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioReaderTest {
    @TempDir
    Path folder;

    private Path write(String name, String yaml) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private List<InputError> errorsOf(Path file) {
        try {
            ScenarioReader.read(file);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected errors in " + file);
    }

    @Test
    void readsEveryPartOfAScenario() throws IOException {
        write("rules/extra.drl", "package x;\n");
        Path file = write("s.yaml", """
                name: A plan issued late
                asOf: 2024-06-30
                lang: vi
                tags: [plan, boundary]
                parameters: {plan.issueWithinDays: 20}
                rules: rules
                facts:
                  units:
                    - {id: U1, name: Vụ A, kind: DEPARTMENT}
                expect:
                  violations:
                    - {rule: D09-PLAN-02, unitId: U1, details.year: 2024}
                  absent:
                    - {rule: D09-PLAN-01}
                  actions:
                    - {code: REVIEW_DELAY_RESPONSIBILITY, actorId: O1}
                  only: true
                  counts: {D09-PLAN-02: 1}
                """);
        List<Scenario> scenarios = ScenarioReader.read(file);
        assertThat(scenarios).hasSize(1);
        Scenario s = scenarios.get(0);
        assertThat(s.name()).isEqualTo("A plan issued late");
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(s.language().code()).isEqualTo("vi");
        assertThat(s.tags()).containsExactly("plan", "boundary");
        assertThat(s.parameters().get("plan.issueWithinDays").asInt()).isEqualTo(20);
        assertThat(s.ruleFolders()).containsExactly(folder.resolve("rules").toAbsolutePath().normalize());
        assertThat(s.expect().violations().get(0).fields()).containsEntry("details.year", "2024");
        assertThat(s.expect().violations().get(0).line()).isEqualTo(12);
        assertThat(s.expect().only()).isTrue();
        assertThat(s.expect().counts()).containsEntry("D09-PLAN-02", 1);
        assertThat(s.lineOfFact("units[0].kind")).isEqualTo(9);
    }

    @Test
    void unknownKeysAreErrorsThatNameTheFileAndLine() throws IOException {
        Path file = write("typo.yaml", """
                scenarios:
                  - name: first
                    asOf: 2024-01-01
                    facts: {}
                    expect: {absent: [{rule: X}]}
                  - name: second
                    asof: 2024-01-01
                    facts: {}
                    expect:
                      violation:
                        - {rule: X}
                      absent:
                        - {rul: X}
                """);
        List<InputError> errors = errorsOf(file);
        assertThat(errors).extracting(InputError::source)
                .contains(file + ":7", file + ":10", file + ":13");
        assertThat(errors).extracting(InputError::message).anyMatch(m -> m.startsWith("unknown key in scenario"))
                .anyMatch(m -> m.startsWith("unknown key in expect"))
                .anyMatch(m -> m.startsWith("unknown field"));
        assertThat(errors).extracting(InputError::field).contains("scenarios[1].asof",
                "scenarios[1].expect.violation", "scenarios[1].expect.absent[0].rul");
        // asOf is missing once the typo is read as an unknown key, and that is said too.
        assertThat(errors).extracting(InputError::message).contains("a scenario needs asOf");
    }

    @Test
    void malformedValuesAreErrors() throws IOException {
        Path file = write("bad.yaml", """
                name: bad
                asOf: 30/06/2024
                lang: fr
                rules: {a: b}
                facts: {}
                expect:
                  counts: [1]
                  only: yes please
                """);
        List<InputError> errors = errorsOf(file);
        assertThat(errors).extracting(InputError::field).contains("asOf", "lang", "rules", "expect.counts",
                "expect.only");
    }

    @Test
    void duplicateNamesAndAMissingRuleFolderAreErrors() throws IOException {
        Path file = write("dup.yaml", """
                scenarios:
                  - {name: same, asOf: 2024-01-01, facts: {}, expect: {}}
                  - {name: same, asOf: 2024-01-01, facts: {}, expect: {}, rules: [nowhere]}
                """);
        assertThat(errorsOf(file)).extracting(InputError::message)
                .anyMatch(m -> m.contains("duplicate scenario name \"same\""))
                .anyMatch(m -> m.startsWith("no rule folder"));
    }

    @Test
    void aFactsFileIsMergedWithInlineFactsAndLinesFollowTheInlineOnes() throws IOException {
        write("data/base.yaml", """
                units:
                  - {id: M, name: Bộ, kind: MINISTRY}
                """);
        Path file = write("s.yaml", """
                name: merged
                asOf: 2024-01-01
                factsFile: data/base.yaml
                facts:
                  units:
                    - {id: U1, name: Vụ A, kind: DEPARTMENT, parentId: M}
                expect: {}
                """);
        Scenario s = ScenarioReader.read(file).get(0);
        assertThat(s.facts().get("units")).hasSize(2);
        assertThat(s.facts().get("units").get(1).get("id").asText()).isEqualTo("U1");
        assertThat(s.lineOfFact("units[1].parentId")).isEqualTo(6);
        assertThat(s.lineOfFact("units[0].name")).isZero();
    }

    @Test
    void aFactsDocumentIsNotAScenarioFileAndFoldersAreSearchedInOrder() throws IOException {
        Path facts = write("b/data/ministry.yaml", "units: []\nofficials: []\n");
        write("b/z.yaml", "name: z\nasOf: 2024-01-01\nfacts: {}\nexpect: {}\n");
        write("a.yml", "name: a\nasOf: 2024-01-01\nfacts: {}\nexpect: {}\n");
        write("notes.txt", "not a scenario");
        assertThat(ScenarioReader.read(facts)).isEmpty();
        assertThat(ScenarioReader.files(List.of(folder))).extracting(p -> folder.relativize(p).toString())
                .containsExactly("a.yml", "b/data/ministry.yaml", "b/z.yaml");
    }

    @Test
    void aMissingPathAndBrokenYamlAreInputErrors() throws IOException {
        assertThatThrownBy(() -> ScenarioReader.files(List.of(folder.resolve("missing"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file or folder");
        Path broken = write("broken.yaml", "name: [unclosed\n");
        assertThat(errorsOf(broken)).singleElement().satisfies(e -> {
            assertThat(e.source()).startsWith(broken + ":");
            assertThat(e.message()).startsWith("not valid YAML");
        });
    }
}
