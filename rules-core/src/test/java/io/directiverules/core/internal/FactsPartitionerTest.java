package io.directiverules.core.internal;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FactsPartitionerTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 10);

    private static Official official(String id, String unitId) {
        return new Official(id, "Name " + id, unitId, null, null, false, null, true, false, false, null, null);
    }

    private static Facts.Builder ministry(UnitKind kindOfA) {
        return Facts.builder()
                .unit(new Unit("M", "Ministry", UnitKind.MINISTRY, null, null),
                        new Unit("A", "Dept A", kindOfA, "M", null),
                        new Unit("A1", "Division A1", UnitKind.DIVISION, "A", null),
                        new Unit("B", "Bureau B", UnitKind.BUREAU, "M", null),
                        new Unit("I", "Inspectorate", UnitKind.INSPECTORATE, "M", null),
                        new Unit("K", "Asset control", UnitKind.ASSET_CONTROL_AGENCY, "I", null))
                .official(official("O-M", "M"), official("O-A", "A"), official("O-A1", "A1"), official("O-B", "B"))
                .verificationPlan(new VerificationPlan("VP", "K", 2025, DAY, List.of(
                        new VerificationSelection("A", List.of("O-A1")), new VerificationSelection("B", List.of("O-B")))));
    }

    private static List<?> list(FactsPartitioner.Partition partition, int index) {
        return partition.lists().get(index);
    }

    @Test
    void splitsByTopLevelSubtreeAndSharesTheMinistrysFacts() {
        Facts facts = ministry(UnitKind.DEPARTMENT)
                .plan(new Plan("PL-M", "M", 2025, DAY, List.of(), List.of(
                        new PlanTask("T1", "A", "t", DAY, null), new PlanTask("T2", "B", "t", DAY, null))))
                .build();
        FactsPartitioner.Split split = FactsPartitioner.split(facts);
        assertThat(split.refusal()).isNull();
        assertThat(split.partitions()).extracting(FactsPartitioner.Partition::topUnitId).containsExactly("A", "B", "I");
        assertThat(split.span("A1")).isEqualTo(split.span("A")).isEqualTo(0);
        assertThat(split.span("K")).isEqualTo(split.span("I")).isEqualTo(2);
        int ministry = split.span("M");
        assertThat(split.single(ministry)).isFalse();
        assertThat(List.of(split.from(ministry), split.to(ministry))).containsExactly(0, 3);

        FactsPartitioner.Partition a = split.partitions().get(0);
        assertThat(list(a, 0)).extracting(u -> ((Unit) u).id()).containsExactly("M", "A", "A1");
        assertThat(list(a, 1)).extracting(o -> ((Official) o).id()).containsExactly("O-M", "O-A", "O-A1");
        assertThat(list(a, 3)).extracting(p -> ((Plan) p).id()).containsExactly("PL-M");
        VerificationPlan inA = (VerificationPlan) list(a, 7).get(0);
        assertThat(inA.selections()).extracting(VerificationSelection::unitId).containsExactly("A");
        FactsPartitioner.Partition i = split.partitions().get(2);
        assertThat(((VerificationPlan) list(i, 7).get(0)).selections()).isEmpty();
        assertThat(split.partitions()).allSatisfy(p -> assertThat(list(p, 7)).hasSize(1));
    }

    @Test
    void declinesATopLevelDivision() {
        FactsPartitioner.Split split = FactsPartitioner.split(ministry(UnitKind.DIVISION).build());
        assertThat(split.refusal()).contains("top-level unit A is a DIVISION");
        assertThat(split.partitions()).isEmpty();
    }

    @Test
    void declinesATaskAssignedAcrossSubtrees() {
        Facts facts = ministry(UnitKind.DEPARTMENT)
                .plan(new Plan("PL-A", "A", 2025, DAY, List.of(), List.of(new PlanTask("T1", "B", "t", DAY, null))))
                .build();
        assertThat(FactsPartitioner.split(facts).refusal()).contains("plan PL-A assigns a task");
    }

    @Test
    void declinesASelectionOfAnotherSubtreesOfficial() {
        Facts facts = ministry(UnitKind.DEPARTMENT)
                .verificationPlan(new VerificationPlan("VP2", "K", 2024, DAY, List.of(
                        new VerificationSelection("A", List.of("O-B")))))
                .build();
        assertThat(FactsPartitioner.split(facts).refusal()).contains("verification plan VP2");
    }

    @Test
    void declinesAMinistryWithOneSubtree() {
        Facts facts = Facts.builder().unit(new Unit("M", "Ministry", UnitKind.MINISTRY, null, null),
                new Unit("A", "Dept A", UnitKind.DEPARTMENT, "M", null)).build();
        assertThat(FactsPartitioner.split(facts).refusal()).contains("fewer than two");
    }

    /** A ministry whose department A has three bureaus below it, with one official each. */
    private static Facts.Builder ministryWithBureaus(UnitKind kindOfA3) {
        return Facts.builder()
                .unit(new Unit("M", "Ministry", UnitKind.MINISTRY, null, null),
                        new Unit("A", "Dept A", UnitKind.GENERAL_DEPARTMENT, "M", null),
                        new Unit("A1", "Bureau A1", UnitKind.BUREAU, "A", null),
                        new Unit("A1x", "Division A1x", UnitKind.DIVISION, "A1", null),
                        new Unit("A2", "Bureau A2", UnitKind.BUREAU, "A", null),
                        new Unit("A3", "Bureau A3", kindOfA3, "A", null),
                        new Unit("B", "Bureau B", UnitKind.BUREAU, "M", null))
                .official(official("O-M", "M"), official("O-A", "A"), official("O-A1x", "A1x"),
                        official("O-A2", "A2"), official("O-A3", "A3"), official("O-B", "B"))
                .plan(new Plan("PL-A", "A", 2025, DAY, List.of(), List.of(
                        new PlanTask("T1", "A1", "t", DAY, null), new PlanTask("T2", "A3", "t", DAY, null))))
                .verificationPlan(new VerificationPlan("VP", "M", 2025, DAY, List.of(
                        new VerificationSelection("A", List.of("O-A")),
                        new VerificationSelection("A2", List.of("O-A2")))));
    }

    @Test
    void splitsALargeTopLevelSubtreeAmongItsChildrenAndSharesItsOwnFacts() {
        FactsPartitioner.Split split = FactsPartitioner.split(ministryWithBureaus(UnitKind.BUREAU).build(), 2);
        assertThat(split.refusal()).isNull();
        // A's subtree has four officials, more than two: its bureaus go, in order, in groups of up to two.
        assertThat(split.partitions()).extracting(FactsPartitioner.Partition::topUnitId)
                .containsExactly("A", "A", "B");
        assertThat(split.span("A1")).isEqualTo(split.span("A1x")).isEqualTo(split.span("A2")).isEqualTo(0);
        assertThat(split.span("A3")).isEqualTo(1);
        int a = split.span("A");
        assertThat(split.single(a)).isFalse();
        assertThat(List.of(split.from(a), split.to(a))).containsExactly(0, 2);
        assertThat(List.of(split.from(split.span("M")), split.to(split.span("M")))).containsExactly(0, 3);

        FactsPartitioner.Partition first = split.partitions().get(0);
        FactsPartitioner.Partition second = split.partitions().get(1);
        assertThat(list(first, 0)).extracting(u -> ((Unit) u).id()).containsExactly("M", "A", "A1", "A1x", "A2");
        assertThat(list(second, 0)).extracting(u -> ((Unit) u).id()).containsExactly("M", "A", "A3");
        assertThat(list(second, 1)).extracting(o -> ((Official) o).id()).containsExactly("O-M", "O-A", "O-A3");
        // A's plan is A's fact: both of A's partitions have it, B's does not.
        assertThat(list(first, 3)).extracting(p -> ((Plan) p).id()).containsExactly("PL-A");
        assertThat(list(second, 3)).extracting(p -> ((Plan) p).id()).containsExactly("PL-A");
        assertThat(list(split.partitions().get(2), 3)).isEmpty();
        assertThat(((VerificationPlan) list(first, 7).get(0)).selections()).extracting(VerificationSelection::unitId)
                .containsExactly("A", "A2");
        assertThat(((VerificationPlan) list(second, 7).get(0)).selections())
                .extracting(VerificationSelection::unitId).containsExactly("A");
        assertThat(FactsPartitioner.split(ministryWithBureaus(UnitKind.BUREAU).build(), 4).partitions())
                .hasSize(2);
    }

    @Test
    void keepsWholeATopLevelSubtreeWithADivisionChild() {
        // A3 would plan its rotations with A, which one group of A's children does not see.
        FactsPartitioner.Split split = FactsPartitioner.split(ministryWithBureaus(UnitKind.DIVISION).build(), 1);
        assertThat(split.refusal()).isNull();
        assertThat(split.partitions()).extracting(FactsPartitioner.Partition::topUnitId).containsExactly("A", "B");
        assertThat(split.span("A")).isEqualTo(split.span("A3")).isEqualTo(0);
    }

    @Test
    void keepsWholeATopLevelSubtreeWhoseReferencesCrossItsGroups() {
        // A rotation plan of A1 listing A2's official ties two of A's groups: A stays one partition, B is split.
        Facts facts = ministryWithBureaus(UnitKind.BUREAU)
                .unit(new Unit("B1", "Bureau B1", UnitKind.BUREAU, "B", null),
                        new Unit("B2", "Bureau B2", UnitKind.BUREAU, "B", null))
                .official(official("O-B1", "B1"), official("O-B2", "B2"))
                .rotationPlan(new RotationPlan("RP", "A1", 2025, DAY, null, List.of("O-A1x", "O-A2")))
                .build();
        FactsPartitioner.Split split = FactsPartitioner.split(facts, 1);
        assertThat(split.refusal()).isNull();
        assertThat(split.partitions()).extracting(FactsPartitioner.Partition::topUnitId)
                .containsExactly("A", "B", "B");
        assertThat(split.span("A1")).isEqualTo(split.span("A2")).isEqualTo(split.span("A")).isEqualTo(0);
        assertThat(split.span("B1")).isNotEqualTo(split.span("B2"));

        // A task of a bureau's plan for A itself: the partitions deciding on A would not all see the plan.
        Facts upward = ministryWithBureaus(UnitKind.BUREAU)
                .plan(new Plan("PL-A2", "A2", 2025, DAY, List.of(), List.of(new PlanTask("T9", "A", "t", DAY, null))))
                .build();
        assertThat(FactsPartitioner.split(upward, 1).partitions()).hasSize(2);
    }

    /**
     * The partitioner finds a record's official by reading the officials list in order when the records
     * follow it: records in that order, with gaps, in reverse, or shuffled must land in the same partitions.
     */
    @Test
    void aRecordLandsInItsOfficialsPartitionWhateverTheOrderOfTheRecords() {
        List<Official> officials = new ArrayList<>();
        List<String> units = List.of("A", "A1", "B", "I", "K", "M");
        for (int i = 0; i < 300; i++) {
            officials.add(official("O-" + i, units.get(i % 7 == 0 ? 5 : i / 60 % 5)));
        }
        List<Declaration> inOrder = new ArrayList<>();
        for (int i = 0; i < officials.size(); i++) {
            // Gaps of up to 100 officials without a declaration, then runs of one to three per official.
            if (i % 100 < 30 || i % 11 == 0) {
                for (int k = 0; k <= i % 3; k++) {
                    inOrder.add(new Declaration("D-" + i + "-" + k, "O-" + i, DeclarationKind.ANNUAL, 2024 + k % 2,
                            DAY, null, null, false, true, null, null, null, null, null, null));
                }
            }
        }
        List<Declaration> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        List<Declaration> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(7));

        Map<String, Integer> expected = null;
        for (List<Declaration> declarations : List.of(inOrder, reversed, shuffled)) {
            Facts facts = Facts.builder()
                    .unit(new Unit("M", "Ministry", UnitKind.MINISTRY, null, null),
                            new Unit("A", "Dept A", UnitKind.DEPARTMENT, "M", null),
                            new Unit("A1", "Division A1", UnitKind.DIVISION, "A", null),
                            new Unit("B", "Bureau B", UnitKind.BUREAU, "M", null),
                            new Unit("I", "Inspectorate", UnitKind.INSPECTORATE, "M", null),
                            new Unit("K", "Asset control", UnitKind.ASSET_CONTROL_AGENCY, "I", null))
                    .officials(officials).declarations(declarations).build();
            FactsPartitioner.Split split = FactsPartitioner.split(facts);
            int index = new ArrayList<>(facts.lists().keySet()).indexOf("declarations");
            Map<String, Integer> landed = new HashMap<>();
            for (FactsPartitioner.Partition partition : split.partitions()) {
                for (Object declaration : list(partition, index)) {
                    Declaration d = (Declaration) declaration;
                    String unit = facts.official(d.officialId()).orElseThrow().unitId();
                    assertThat(split.contains(split.span(unit), partition.index()))
                            .as("%s of an official of %s in partition %d", d.id(), unit, partition.index()).isTrue();
                    // A ministry official's declaration goes to every partition: count it under the first.
                    landed.putIfAbsent(d.id(), partition.index());
                }
            }
            assertThat(landed).hasSize(declarations.size());
            if (expected == null) {
                expected = landed;
            } else {
                assertThat(landed).isEqualTo(expected);
            }
        }
    }
}
