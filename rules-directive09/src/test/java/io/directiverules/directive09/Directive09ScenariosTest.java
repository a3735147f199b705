package io.directiverules.directive09;

import io.directiverules.testkit.Scenarios;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs every scenario of the module (src/test/scenarios, one file per DRL area). */
class Directive09ScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.in(Path.of("src/test/scenarios")).dynamicTests();
    }
}
