package io.directiverules.testkit;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JUnit 5 entry point for scenario files: one container per file, one test per scenario, each with the
 * file's URI so an IDE opens the YAML.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return Scenarios.in(Path.of("src/test/scenarios")).dynamicTests();
 * }
 * }</pre>
 */
public final class Scenarios {
    private final List<Path> paths;
    private final ScenarioRunner runner;

    private Scenarios(List<Path> paths, ScenarioRunner runner) {
        this.paths = List.copyOf(paths);
        this.runner = runner;
    }

    /** The scenario files under these files or folders, run against the rule modules on the class path. */
    public static Scenarios in(Path... paths) {
        return new Scenarios(List.of(paths), ScenarioRunner.withDiscoveredModules());
    }

    /** The same scenarios run by {@code runner}. */
    public Scenarios runWith(ScenarioRunner other) {
        return new Scenarios(paths, other);
    }

    /** One dynamic container per file, one dynamic test per scenario. */
    public Stream<DynamicNode> dynamicTests() {
        return ScenarioReader.files(paths).stream().map(file -> {
            List<Scenario> scenarios = ScenarioReader.read(file);
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(),
                    scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                            java.net.URI.create(file.toUri() + "?line=" + scenario.line()), () -> {
                                ScenarioResult result = runner.run(scenario);
                                if (!result.passed()) {
                                    throw new AssertionFailedError(result.describeFailures());
                                }
                            })));
        });
    }
}
