package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.io.FactsReader;
import org.junit.jupiter.api.Test;

class SampleSmokeTest {
    @Test
    void evaluatesTheSample() {
        ComplianceEngine engine = ComplianceEngine.builder().discoverModules().build();
        var sample = engine.sample().orElseThrow();
        Facts facts = FactsReader.strict().read(sample.open(), sample.resource());
        ComplianceReport report = engine.evaluate(facts, sample.asOf());
        report.violations().forEach(v -> System.out.println(v.rule() + " " + v.unitId() + " " + v.details() + " " + v.message()));
        report.actions().forEach(a -> System.out.println(a.code() + " " + a.actorId() + " " + a.because() + " " + a.description()));
    }
}
