package io.directiverules.directive09;

import io.directiverules.testkit.Scenarios;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Runs every scenario of the module (src/test/scenarios, one file per DRL area), then requires that every
 * loaded rule fired, and every legal citation of the rules was cited, in at least one scenario.
 */
class Directive09ScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.in(Path.of("src/test/scenarios")).withCoverage(1.0).dynamicTests();
    }
}
