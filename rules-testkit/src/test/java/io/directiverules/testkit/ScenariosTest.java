package io.directiverules.testkit;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenariosTest {
    @TempDir
    Path folder;

    private void write(String name, String yaml) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private static final String FIRES = """
            scenarios:
              - name: plan missing
                asOf: 2024-02-01
                parameters: {evaluation.fromYear: 2024}
                facts:
                  units: [{id: U1, name: A, kind: DEPARTMENT}]
                expect:
                  violations: [{rule: TK-PLAN-01, unitId: U1}]
              - name: wrong expectation
                asOf: 2024-02-01
                parameters: {evaluation.fromYear: 2024}
                facts:
                  units: [{id: U1, name: A, kind: DEPARTMENT}]
                expect:
                  violations: [{rule: TK-PLAN-01, unitId: U2}]
            """;

    @Test
    void oneContainerPerFileAndOneTestPerScenarioWithTheFileUriAndLine() throws IOException {
        write("a/fires.yaml", FIRES);
        write("b.yaml", "name: quiet\nasOf: 2024-01-01\nfacts: {}\nexpect: {}\n");
        write("a/data/facts.yaml", "units: []\n");
        List<DynamicNode> nodes = Scenarios.in(folder).dynamicTests().toList();
        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("fires.yaml", "b.yaml");
        DynamicContainer fires = (DynamicContainer) nodes.get(0);
        assertThat(fires.getTestSourceUri()).contains(folder.resolve("a/fires.yaml").toUri());
        List<DynamicTest> tests = fires.getChildren().map(DynamicTest.class::cast).toList();
        assertThat(tests).extracting(DynamicNode::getDisplayName).containsExactly("plan missing", "wrong expectation");
        assertThat(tests.get(0).getTestSourceUri().orElseThrow().toString())
                .isEqualTo(folder.resolve("a/fires.yaml").toUri() + "?line=2");
        assertThatCode(() -> tests.get(0).getExecutable().execute()).doesNotThrowAnyException();
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> tests.get(1).getExecutable().execute());
        assertThat(failure.getMessage()).contains("Nearest miss: TK-PLAN-01 for U1: unitId expected U2 but was U1");
        assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("{rule: TK-PLAN-01, unitId: U2}");
        assertThat(failure.getActual().getStringRepresentation()).isEqualTo("{rule: TK-PLAN-01, unitId: U1}");
    }

    @Test
    void aFileWithErrorsBecomesOneFailingTestAndTheOthersStillRun() throws IOException {
        write("bad.yaml", "name: bad\nasOf: 2024-01-01\nfacts: {}\nexpect: {}\nexpected: {}\n");
        write("good.yaml", "name: good\nasOf: 2024-01-01\nfacts: {}\nexpect: {}\n");
        List<DynamicNode> nodes = Scenarios.in(folder).dynamicTests().toList();
        assertThat(nodes).hasSize(2);
        DynamicTest invalid = (DynamicTest) ((DynamicContainer) nodes.get(0)).getChildren().findFirst().orElseThrow();
        assertThat(invalid.getDisplayName()).isEqualTo("the scenario file is valid");
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> invalid.getExecutable().execute());
        assertThat(failure.getMessage()).contains("bad.yaml:5").contains("unknown key in scenario");
    }

    @Test
    void theCoverageTestComesLastAndFailsListingWhatWasNeverExercised() throws Throwable {
        write("fires.yaml", FIRES);
        List<DynamicNode> nodes = Scenarios.in(folder).withCoverage(0.5).dynamicTests().toList();
        DynamicTest coverage = (DynamicTest) nodes.get(nodes.size() - 1);
        assertThat(coverage.getDisplayName()).isEqualTo("coverage of rules and legal citations is at least 50%");
        // Not one scenario test has run: the coverage test runs them itself.
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> coverage.getExecutable().execute());
        assertThat(failure.getMessage()).startsWith("Coverage is below the minimum of 50%: 1 of 3 rules (33.3%),"
                        + " 2 of 3 legal citations (66.6%)")
                .contains("Rules never exercised: TK-GIFT-01, TK-PLAN-02")
                .contains("Legal citations never exercised: Test Decree §9");

        List<DynamicNode> lenient = Scenarios.in(folder).withCoverage(0.3).dynamicTests().toList();
        ((DynamicTest) lenient.get(lenient.size() - 1)).getExecutable().execute();
    }

    @Test
    void eachScenarioRunsOnceWhetherFromItsTestOrForCoverage() throws IOException {
        write("fires.yaml", FIRES);
        Scenarios scenarios = Scenarios.in(folder);
        List<ScenarioResult> first = scenarios.run();
        assertThat(first).extracting(ScenarioResult::passed).containsExactly(true, false);
        assertThat(scenarios.run().get(0)).isSameAs(first.get(0));
        assertThat(scenarios.coverage().rules()).containsEntry("TK-PLAN-01", 2).containsEntry("TK-GIFT-01", 0);
    }
}
