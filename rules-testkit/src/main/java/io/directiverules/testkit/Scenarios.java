package io.directiverules.testkit;

import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JUnit 5 entry point for scenario files: one container per file, one test per scenario, each with the
 * file's URI and line so an IDE opens the YAML; optionally a last test that fails when the scenarios leave
 * too much of the rule set unexercised.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return Scenarios.in(Path.of("src/test/scenarios")).withCoverage(1.0).dynamicTests();
 * }
 * }</pre>
 *
 * <p>The engine is built once per rule set and parameter set and shared by the scenarios that use it.
 */
public final class Scenarios {
    private final List<Path> paths;
    private final ScenarioRunner runner;
    private final Double minimumCoverage;
    private final Map<String, ScenarioResult> results = new ConcurrentHashMap<>();

    private Scenarios(List<Path> paths, ScenarioRunner runner, Double minimumCoverage) {
        this.paths = List.copyOf(paths);
        this.runner = runner;
        this.minimumCoverage = minimumCoverage;
    }

    /** The scenario files under these files or folders, run against the rule modules on the class path. */
    public static Scenarios in(Path... paths) {
        return new Scenarios(List.of(paths), ScenarioRunner.withDiscoveredModules(), null);
    }

    /** The same scenarios run by {@code runner}. */
    public Scenarios runWith(ScenarioRunner other) {
        return new Scenarios(paths, Objects.requireNonNull(other, "runner"), minimumCoverage);
    }

    /**
     * The same scenarios followed by a test that fails, listing the rules and legal citations never
     * exercised, when the share of either exercised is below {@code minimumShare} (0 to 1).
     */
    public Scenarios withCoverage(double minimumShare) {
        if (minimumShare < 0 || minimumShare > 1) {
            throw new IllegalArgumentException("a coverage threshold is a share from 0 to 1: " + minimumShare);
        }
        return new Scenarios(paths, runner, minimumShare);
    }

    /**
     * One dynamic container per file, one dynamic test per scenario, and the coverage test last when
     * {@link #withCoverage(double)} asked for it. A file with errors gives a container with one failing test
     * that lists them, so that the other files still run.
     */
    public Stream<DynamicNode> dynamicTests() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : ScenarioReader.files(paths)) {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioReader.read(file);
            } catch (InvalidInputException invalid) {
                nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(),
                        Stream.of(DynamicTest.dynamicTest("the scenario file is valid", file.toUri(), () -> {
                            throw new AssertionFailedError("The scenario file has errors:\n  "
                                    + invalid.errors().stream().map(InputError::toString)
                                    .collect(Collectors.joining("\n  ")));
                        }))));
                continue;
            }
            if (scenarios.isEmpty()) {
                continue;
            }
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(),
                    scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                            URI.create(file.toUri() + "?line=" + scenario.line()), () -> {
                                ScenarioResult result = result(scenario);
                                if (!result.passed()) {
                                    throw new AssertionFailedError(result.describeFailures(),
                                            result.expectedText(), result.actualText());
                                }
                            }))));
        }
        if (minimumCoverage != null) {
            double minimum = minimumCoverage;
            URI source = paths.isEmpty() ? null : paths.get(0).toUri();
            nodes.add(DynamicTest.dynamicTest("coverage of rules and legal citations is at least "
                    + Math.round(minimum * 100) + "%", source, () -> {
                        Coverage coverage = coverage();
                        if (!coverage.meets(minimum)) {
                            throw new AssertionFailedError(coverage.shortfall(minimum),
                                    "at least " + Math.round(minimum * 100) + "% of rules and legal citations",
                                    coverage.headline());
                        }
                    }));
        }
        return nodes.stream();
    }

    /**
     * Runs every scenario (each at most once per {@code Scenarios}, whether from a dynamic test or from here)
     * and returns the results in file order; a file with errors is skipped.
     */
    public List<ScenarioResult> run() {
        List<ScenarioResult> all = new ArrayList<>();
        for (Path file : ScenarioReader.files(paths)) {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioReader.read(file);
            } catch (InvalidInputException invalid) {
                continue;
            }
            scenarios.forEach(scenario -> all.add(result(scenario)));
        }
        return all;
    }

    /**
     * The coverage of every scenario. Scenarios that no dynamic test has run yet (tests filtered out, or run
     * in parallel) are run now, so the coverage never depends on which tests ran first.
     */
    public Coverage coverage() {
        Map<String, ScenarioResult> ordered = new LinkedHashMap<>();
        run().forEach(result -> ordered.put(key(result.scenario()), result));
        return Coverage.of(ordered.values());
    }

    private ScenarioResult result(Scenario scenario) {
        return results.computeIfAbsent(key(scenario), k -> runner.run(scenario));
    }

    private static String key(Scenario scenario) {
        return scenario.location() + "|" + scenario.name();
    }
}
