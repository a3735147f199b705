package io.directiverules.core.internal;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

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
        assertThat(split.home("A1")).isEqualTo(split.home("A"));
        assertThat(split.home("K")).isEqualTo(split.home("I"));
        assertThat(split.home("M")).isEqualTo(FactsPartitioner.SHARED);

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
}
