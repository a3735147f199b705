package io.directiverules.testkit.generate;

import io.directiverules.core.Facts;
import io.directiverules.core.io.FactsReader;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinistryGeneratorTest {

    private static byte[] json(MinistryGenerator generator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.writeJson(out);
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameDocumentAndAnotherSeedAnotherOne() {
        byte[] first = json(MinistryGenerator.builder().officials(1_000).seed(5).build());
        byte[] again = json(MinistryGenerator.builder().officials(1_000).seed(5).build());
        byte[] other = json(MinistryGenerator.builder().officials(1_000).seed(6).build());
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theJsonDocumentReadsBackStrictlyToTheSameFacts() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(3_000).seed(11).build();
        Facts read = FactsReader.strict().read(new ByteArrayInputStream(json(generator)), "generated.json");
        Facts direct = generator.facts();
        assertThat(read.lists()).isEqualTo(direct.lists());
        assertThat(read.officials()).hasSize(3_000);
    }

    @Test
    void theCountsReturnedAreTheFactsWritten() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).seed(3).build();
        Map<String, Integer> counts = generator.writeJson(new ByteArrayOutputStream());
        Facts facts = generator.facts();
        facts.lists().forEach((list, records) -> assertThat(counts.get(list)).as(list).isEqualTo(records.size()));
        assertThat(counts.keySet()).containsExactlyElementsOf(MinistryGenerator.LISTS);
    }

    @Test
    void aLargeMinistryHasFourLevelsOneInspectorateAndUnitsOfEveryOfficialSize() {
        Facts facts = MinistryGenerator.builder().officials(20_000).seed(2).build().facts();
        Map<String, Unit> units = facts.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        int deepest = facts.units().stream().mapToInt(u -> depth(u, units)).max().orElse(0);
        assertThat(deepest).isEqualTo(4);
        assertThat(facts.units().stream().filter(u -> u.kind() == UnitKind.INSPECTORATE)).hasSize(1);
        assertThat(facts.units().stream().filter(u -> u.kind() == UnitKind.ASSET_CONTROL_AGENCY)).hasSize(1);
        assertThat(facts.units()).allSatisfy(u -> assertThat(u.headId()).isNotNull());
        // Every planning unit's plan exists for most units; facts per official near five.
        double perOfficial = (double) facts.size() / facts.officials().size();
        assertThat(perOfficial).isBetween(4.0, 6.0);
        Map<String, Long> perUnit = facts.officials().stream()
                .collect(Collectors.groupingBy(Official::unitId, Collectors.counting()));
        assertThat(perUnit.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
    }

    @Test
    void mostAnnualDeclarantsDeclareOnTimeAndAFewDoNot() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(10_000).seed(9).build();
        Facts facts = generator.facts();
        int year = generator.asOf().getYear() - 1;
        LocalDate deadline = LocalDate.of(year, 12, 31);
        Set<String> onTime = facts.declarations().stream()
                .filter(d -> d.kind() == DeclarationKind.ANNUAL && d.year() == year)
                .filter(d -> d.submittedOn() != null && !d.submittedOn().isAfter(deadline))
                .map(Declaration::officialId).collect(Collectors.toSet());
        long declarants = facts.officials().stream().filter(Official::annualDeclarant).count();
        double missed = 1 - (double) onTime.size() / declarants;
        assertThat(missed).isBetween(0.01, 0.10);
    }

    @Test
    void withNoLaxUnitNothingIsMissed() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(2_000).laxUnitShare(0).build();
        Facts facts = generator.facts();
        int year = generator.asOf().getYear() - 1;
        Map<String, Integer> annual = new HashMap<>();
        facts.declarations().stream().filter(d -> d.kind() == DeclarationKind.ANNUAL && d.year() == year
                && d.submittedOn() != null && d.submittedOn().getYear() == year)
                .forEach(d -> annual.merge(d.officialId(), 1, Integer::sum));
        assertThat(facts.officials().stream().filter(Official::annualDeclarant))
                .allSatisfy(o -> assertThat(annual).containsKey(o.id()));
        assertThat(facts.reports()).hasSize(countPlanningUnits(facts) * expectedReports(generator.asOf()));
    }

    @Test
    void refusesSizesAndSharesThatMakeNoMinistry() {
        assertThatThrownBy(() -> MinistryGenerator.builder().officials(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinistryGenerator.builder().laxUnitShare(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int countPlanningUnits(Facts facts) {
        return (int) facts.units().stream().filter(Unit::mustPlan).count();
    }

    /** Reports due by 2025-07-31 or submitted by then: four of 2024, Q1 and H1 of 2025. */
    private static int expectedReports(LocalDate asOf) {
        assertThat(asOf).isEqualTo(LocalDate.of(2025, 7, 31));
        return 6;
    }

    private static int depth(Unit unit, Map<String, Unit> units) {
        int depth = 1;
        for (Unit u = unit; u.parentId() != null; u = units.get(u.parentId())) {
            depth++;
        }
        return depth;
    }
}
