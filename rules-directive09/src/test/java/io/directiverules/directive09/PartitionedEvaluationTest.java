package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.internal.PartitionedEvaluator;
import io.directiverules.core.io.FactsReader;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.testkit.generate.MinistryGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Partitioned evaluation gives the report of a single evaluation: same violations, actions, ids, order. */
class PartitionedEvaluationTest {
    private static ComplianceEngine single;
    private static ComplianceEngine partitioned;
    /** Partitions of at most 40 officials: the large top-level subtrees of these ministries are split further. */
    private static ComplianceEngine fine;
    private static final int FINE = 40;

    @BeforeAll
    static void engines() {
        single = ComplianceEngine.builder().module(new Directive09Module()).build();
        partitioned = ComplianceEngine.builder().module(new Directive09Module()).parallelism(2).build();
        fine = ComplianceEngine.builder().module(new Directive09Module()).parallelism(2).partitionSize(FINE).build();
    }

    private static void assertSameReport(Facts facts, LocalDate asOf) {
        ComplianceReport expected = single.evaluate(facts, asOf, Language.EN);
        for (ComplianceEngine engine : List.of(partitioned, fine)) {
            ComplianceReport actual = engine.evaluate(facts, asOf, Language.EN);
            assertThat(actual.violations()).containsExactlyElementsOf(expected.violations());
            assertThat(actual.actions()).containsExactlyElementsOf(expected.actions());
            assertThat(actual).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void generatedMinistries(long seed) {
        MinistryGenerator generator = MinistryGenerator.builder().officials(3_000).seed(seed).build();
        Facts facts = generator.facts();
        ComplianceReport report = single.evaluate(facts, generator.asOf());
        // The set is not trivially compliant: there is something to merge in most areas.
        assertThat(report.violations().stream().map(v -> v.rule()).distinct().count()).isGreaterThan(5);
        // The fine engine splits the large top-level subtrees further.
        int byDefault = PartitionedEvaluator.partitionCount(facts, PartitionedEvaluator.DEFAULT_PARTITION_OFFICIALS);
        assertThat(PartitionedEvaluator.partitionCount(facts, FINE)).isGreaterThan(byDefault).isGreaterThan(0);
        assertSameReport(facts, generator.asOf());
    }

    @Test
    void theOrderOfTheRecordsInTheListsDoesNotChangeTheReport() {
        // Generated lists come grouped by official, which the partitioner takes advantage of; shuffled, every
        // record's official is looked up afresh, and the report must not move.
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).seed(5).build();
        Facts facts = generator.facts();
        Random random = new Random(5);
        Facts shuffled = Facts.builder().units(facts.units()).officials(shuffle(facts.officials(), random))
                .assessments(shuffle(facts.assessments(), random)).plans(shuffle(facts.plans(), random))
                .disseminations(shuffle(facts.disseminations(), random))
                .declarations(shuffle(facts.declarations(), random))
                .assetChanges(shuffle(facts.assetChanges(), random))
                .verificationPlans(facts.verificationPlans()).rotationPlans(shuffle(facts.rotationPlans(), random))
                .rotations(shuffle(facts.rotations(), random)).gifts(shuffle(facts.gifts(), random))
                .conflicts(shuffle(facts.conflicts(), random)).inspectionPlans(facts.inspectionPlans())
                .cases(shuffle(facts.cases(), random)).reports(shuffle(facts.reports(), random))
                .holidays(facts.holidays()).build();
        assertThat(shuffled.size()).isEqualTo(facts.size());
        assertThat(shuffled.declarations()).isNotEqualTo(facts.declarations());
        ComplianceReport expected = single.evaluate(facts, generator.asOf(), Language.EN);
        assertThat(partitioned.evaluate(shuffled, generator.asOf(), Language.EN)).isEqualTo(expected);
        assertThat(fine.evaluate(shuffled, generator.asOf(), Language.EN)).isEqualTo(expected);
        assertThat(single.evaluate(shuffled, generator.asOf(), Language.EN)).isEqualTo(expected);
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Test
    void aLaxMinistryWithManyEscalations() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).seed(8).laxUnitShare(0.6)
                .failureRate(0.5).build();
        Facts facts = generator.facts();
        assertThat(single.evaluate(facts, generator.asOf()).violationsOf("D09-ESC-01")).isNotEmpty();
        assertSameReport(facts, generator.asOf());
    }

    @Test
    void theBundledSample() throws Exception {
        Facts facts;
        try (InputStream in = Directive09Module.class.getClassLoader()
                .getResourceAsStream(Directive09Module.BASE + "sample/ministry.yaml")) {
            facts = FactsReader.strict().read(in, "ministry.yaml");
        }
        assertSameReport(facts, Directive09Module.SAMPLE_AS_OF);
        assertSameReport(facts, LocalDate.of(2026, 2, 15));
    }

    /**
     * The ministry's plan leaves top-level units without a task: those PLAN-04 violations are filed under the
     * ministry but found only in the units' partitions, so the ministry's escalations need them all.
     */
    @Test
    void theMinistrysPlanMissingTopLevelUnits() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).seed(4).build();
        Facts facts = generator.facts();
        Unit root = facts.units().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow();
        List<String> tops = facts.units().stream().filter(u -> root.id().equals(u.parentId())).map(Unit::id).toList();
        List<Plan> plans = new ArrayList<>();
        for (Plan plan : facts.plans()) {
            if (plan.unitId().equals(root.id())) {
                List<PlanTask> kept = plan.tasks().stream()
                        .filter(t -> !t.assigneeUnitId().equals(tops.get(1)) && !t.assigneeUnitId().equals(tops.get(2)))
                        .toList();
                plan = new Plan(plan.id(), plan.unitId(), plan.year(), plan.issuedOn(), plan.focusAreas(), kept);
            }
            plans.add(plan);
        }
        Facts changed = copyWithPlans(facts, plans);
        assertThat(single.evaluate(changed, generator.asOf()).violationsOf("D09-PLAN-04"))
                .anySatisfy(v -> assertThat(v.unitId()).isEqualTo(root.id()));
        assertSameReport(changed, generator.asOf());
    }

    /**
     * A split top-level unit's plan leaves its first and last child without a task: those PLAN-04 violations
     * are filed under the top-level unit but found in two different partitions, and the one deciding on the
     * unit's actions must have them both.
     */
    @Test
    void aSplitTopLevelUnitsPlanMissingChildrenInTwoPartitions() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).seed(1).build();
        Facts facts = generator.facts();
        Unit root = facts.units().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow();
        Unit top = facts.units().stream().filter(u -> root.id().equals(u.parentId()))
                .filter(u -> facts.units().stream().filter(c -> u.id().equals(c.parentId()))
                        .noneMatch(c -> c.kind() == UnitKind.DIVISION))
                .filter(u -> subtreeOfficials(facts, u.id()) > 4 * FINE).findFirst().orElseThrow();
        List<String> children = facts.units().stream().filter(u -> top.id().equals(u.parentId())).map(Unit::id)
                .toList();
        assertThat(children).hasSizeGreaterThan(1);
        String first = children.get(0);
        String last = children.get(children.size() - 1);
        List<Plan> plans = new ArrayList<>();
        for (Plan plan : facts.plans()) {
            if (plan.unitId().equals(top.id())) {
                List<PlanTask> kept = plan.tasks().stream()
                        .filter(t -> !t.assigneeUnitId().equals(first) && !t.assigneeUnitId().equals(last)).toList();
                plan = new Plan(plan.id(), plan.unitId(), plan.year(), plan.issuedOn(), plan.focusAreas(), kept);
            }
            plans.add(plan);
        }
        Facts changed = copyWithPlans(facts, plans);
        ComplianceReport report = single.evaluate(changed, generator.asOf());
        assertThat(report.violationsOf("D09-PLAN-04")).filteredOn(v -> v.unitId().equals(top.id()))
                .extracting(v -> v.details().get("childUnitId")).contains(first, last);
        assertThat(report.actions()).anySatisfy(a -> assertThat(a.code()).isEqualTo("ASSIGN_TASKS"));
        assertSameReport(changed, generator.asOf());
    }

    private static long subtreeOfficials(Facts facts, String unitId) {
        List<String> below = facts.units().stream().filter(u -> unitId.equals(u.parentId())).map(Unit::id).toList();
        long own = facts.officials().stream().filter(o -> o.unitId().equals(unitId)).count();
        return own + below.stream().mapToLong(id -> subtreeOfficials(facts, id)).sum();
    }

    /** A top-level division plans with the ministry: the partitioner declines, and one session answers. */
    @Test
    void aShapeThatCannotBeSplitIsEvaluatedInOneSession() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(1_000).seed(5).build();
        Facts facts = generator.facts();
        Unit root = facts.units().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow();
        Unit top = facts.units().stream().filter(u -> root.id().equals(u.parentId())
                && u.kind() != UnitKind.INSPECTORATE).findFirst().orElseThrow();
        List<Unit> units = facts.units().stream().map(u -> u.id().equals(top.id())
                ? new Unit(u.id(), u.name(), UnitKind.DIVISION, u.parentId(), u.headId()) : u).toList();
        Facts.Builder builder = Facts.builder();
        builder.units(units);
        Facts changed = copyRest(facts, builder, facts.plans());
        assertSameReport(changed, generator.asOf());
    }

    private static Facts copyWithPlans(Facts facts, List<Plan> plans) {
        Facts.Builder builder = Facts.builder().units(facts.units());
        return copyRest(facts, builder, plans);
    }

    private static Facts copyRest(Facts facts, Facts.Builder builder, List<Plan> plans) {
        return builder.officials(facts.officials()).assessments(facts.assessments()).plans(plans)
                .disseminations(facts.disseminations()).declarations(facts.declarations())
                .assetChanges(facts.assetChanges()).verificationPlans(facts.verificationPlans())
                .rotationPlans(facts.rotationPlans()).rotations(facts.rotations()).gifts(facts.gifts())
                .conflicts(facts.conflicts()).inspectionPlans(facts.inspectionPlans()).cases(facts.cases())
                .reports(facts.reports()).holidays(facts.holidays()).build();
    }
}
