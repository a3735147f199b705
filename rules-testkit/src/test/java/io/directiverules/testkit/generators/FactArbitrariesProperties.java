package io.directiverules.testkit.generators;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.Required;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.statistics.Statistics;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generators make what they promise: valid facts, knobs respected, compliant units compliant. */
class FactArbitrariesProperties {
    private static final ComplianceEngine TEST_RULES = ComplianceEngine.builder().discoverModules().build();

    @Provide
    Arbitrary<Facts> small() {
        return FactArbitraries.factSets().size(1, 3).officialsPerUnit(3).year(2026);
    }

    @Provide
    Arbitrary<Facts> compliant() {
        return FactArbitraries.compliantFactSets().size(0, 5);
    }

    @Provide
    Arbitrary<LocalDate> daysOf2025() {
        return FactArbitraries.daysOf(2025);
    }

    @Property(tries = 60)
    void aFactSetIsAValidMinistryTreeWithinItsKnobs(@ForAll("small") Facts facts) {
        // Building validated it: references, ids, date order, one inspectorate and one agency per tree.
        assertThat(facts.units()).filteredOn(u -> u.kind() == UnitKind.MINISTRY).singleElement()
                .satisfies(root -> assertThat(root.parentId()).isNull());
        long others = facts.units().stream().filter(u -> u.id().matches("U-\\d+") && !u.id().equals("U-0")).count();
        assertThat(others).isBetween(1L, 3L);
        assertThat(facts.units()).filteredOn(u -> u.headId() != null)
                .allSatisfy(u -> assertThat(facts.official(u.headId()).orElseThrow().unitId()).isEqualTo(u.id()));
        assertThat(facts.officials().stream().filter(o -> o.unitId().equals("U-0")).count()).isLessThanOrEqualTo(3);
        assertThat(facts.plans()).allSatisfy(p -> assertThat(p.year()).isBetween(2025, 2026));
        assertThat(facts.reports()).allSatisfy(r -> assertThat(r.year()).isBetween(2025, 2026));
        Statistics.label("has an inspectorate").collect(facts.units().stream()
                .anyMatch(u -> u.kind() == UnitKind.INSPECTORATE));
    }

    @Property(tries = 40)
    void aCompliantSetBreaksNoTestRuleOnAnyDayOfItsYear(@ForAll("compliant") Facts facts,
                                                        @ForAll("daysOf2025") LocalDate asOf) {
        ComplianceReport report = TEST_RULES.evaluate(facts, asOf);
        assertThat(report.violations()).filteredOn(v -> v.rule().startsWith("TK-PLAN")).isEmpty();
    }

    @Property(tries = 40)
    void aSetOfNonCompliantUnitsUsuallyBreaksTheTestRules(@ForAll("nonCompliant") Facts facts) {
        ComplianceReport report = TEST_RULES.evaluate(facts, LocalDate.of(2025, 6, 30));
        boolean broken = report.violations().stream().anyMatch(v -> v.rule().startsWith("TK-"));
        Statistics.label("breaks a test rule").collect(broken);
        Statistics.label("breaks a test rule").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
    }

    @Provide
    Arbitrary<Facts> nonCompliant() {
        return FactArbitraries.factSets().size(2, 5).compliantShare(0.0);
    }

    @Property(tries = 50)
    @Domain(DirectiveDomain.class)
    void everyFactTypeHasItsRequiredFields(@ForAll Unit unit, @ForAll Official official, @ForAll Plan plan,
                                          @ForAll Declaration declaration, @ForAll CorruptionCase corruptionCase,
                                          @ForAll Dissemination dissemination, @ForAll Gift gift,
                                          @ForAll Conflict conflict, @ForAll RotationPlan rotationPlan,
                                          @ForAll Rotation rotation, @ForAll InspectionPlan inspectionPlan,
                                          @ForAll VerificationPlan verificationPlan, @ForAll PeriodicReport report,
                                          @ForAll Assessment assessment, @ForAll AssetChange assetChange,
                                          @ForAll Postponement postponement) {
        for (Record fact : List.<Record>of(unit, official, plan, declaration, corruptionCase, dissemination, gift,
                conflict, rotationPlan, rotation, inspectionPlan, verificationPlan, report, assessment, assetChange,
                postponement)) {
            assertRequiredFieldsSet(fact);
        }
        plan.tasks().forEach(FactArbitrariesProperties::assertRequiredFieldsSet);
        assertThat(unit.parentId()).isNotEqualTo(unit.id());
        assertThat(postponement.to()).isAfterOrEqualTo(postponement.from());
        if (declaration.correctedOn() != null) {
            assertThat(declaration.correctedOn()).isAfterOrEqualTo(declaration.returnedOn());
        }
        if (corruptionCase.concludedOn() != null) {
            assertThat(corruptionCase.severity()).isNotNull();
        }
        assertThat(plan.tasks()).extracting(t -> t.id()).doesNotHaveDuplicates();
    }

    @Property(tries = 20)
    @Domain(DirectiveDomain.class)
    void theDomainProvidesWholeFactSets(@ForAll Facts facts) {
        assertThat(facts.units()).isNotEmpty();
    }

    private static void assertRequiredFieldsSet(Record fact) {
        for (RecordComponent component : fact.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(Required.class)) {
                try {
                    assertThat(component.getAccessor().invoke(fact)).as(fact.getClass().getSimpleName() + "."
                            + component.getName()).isNotNull();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
