package io.directiverules.testkit;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

/** The testkit's own scenarios, run the way a host runs its own: one line, full coverage enforced. */
class TestkitScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.in(Path.of("src/test/scenarios")).withCoverage(1.0).dynamicTests();
    }
}
