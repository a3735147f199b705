package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.Facts;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.rule.Evaluation;
import io.directiverules.core.rule.WorkingDayCalendar;
import io.directiverules.testkit.generators.FactArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the supplementary-threshold walk of D09-DECL-03, with the threshold changing on 2026-07-01;
 * and the per-official walk over several years that the rule calls, against the one-year walk.
 */
class DeclarationMathProperties {
    private static final LocalDate LAW_132 = LocalDate.of(2026, 7, 1);
    private static final ToLongFunction<LocalDate> THRESHOLD =
            day -> day.isBefore(LAW_132) ? 300_000_000L : 1_000_000_000L;

    @Property
    void theOrderOfTheChangesDoesNotMatter(@ForAll("changesOf2026") List<AssetChange> changes, @ForAll long seed) {
        List<AssetChange> shuffled = new ArrayList<>(changes);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(DeclarationMath.thresholdReachedOn(shuffled, THRESHOLD))
                .isEqualTo(DeclarationMath.thresholdReachedOn(changes, THRESHOLD));
    }

    @Property
    void theDayFoundIsTheFirstOnWhichTheTotalSoFarMeetsThatDaysThreshold(
            @ForAll("changesOf2026") List<AssetChange> changes) {
        Optional<LocalDate> reached = DeclarationMath.thresholdReachedOn(changes, THRESHOLD);
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            LocalDate current = day;
            long total = changes.stream().filter(c -> !c.changedOn().isAfter(current))
                    .mapToLong(AssetChange::amountVnd).sum();
            boolean changedThatDay = changes.stream().anyMatch(c -> c.changedOn().equals(current));
            boolean meets = changedThatDay && total >= THRESHOLD.applyAsLong(current);
            if (reached.isPresent() && day.equals(reached.get())) {
                assertThat(meets).as("the total meets the threshold on %s", day).isTrue();
                return;
            }
            assertThat(meets).as("the total already met the threshold on %s, before %s", day, reached).isFalse();
        }
        assertThat(reached).isEmpty();
    }

    /** An evaluation over the module's own parameters, whose supplementary threshold is dated. */
    private static final Evaluation EVALUATION = new Evaluation(LocalDate.of(2027, 6, 30), 2025,
            ComplianceEngine.builder().module(new Directive09Module()).build().parameters(),
            new WorkingDayCalendar(Map.of()), Facts.empty());

    @Property
    void eachYearReachesTheThresholdOnTheDayItsOwnChangesDo(@ForAll("changesOf2025To2027") List<AssetChange> changes) {
        ToLongFunction<LocalDate> threshold = day -> EVALUATION.amount(DeclarationMath.SUPPLEMENTARY_THRESHOLD, day);
        List<ThresholdReached> expected = new ArrayList<>();
        for (int year = 2025; year <= 2027; year++) {
            int y = year;
            List<AssetChange> ofYear = changes.stream().filter(c -> c.changedOn().getYear() == y).toList();
            DeclarationMath.thresholdReachedOn(ofYear, threshold).ifPresent(day -> expected.add(new ThresholdReached(
                    y, day, ofYear.stream().filter(c -> !c.changedOn().isAfter(day)).toList())));
        }
        assertThat(DeclarationMath.supplementaryThresholdReached(changes, EVALUATION)).isEqualTo(expected);
        assertThat(DeclarationMath.supplementaryThresholdReachedInSomeYear(changes, EVALUATION))
                .isEqualTo(!expected.isEmpty());
    }

    @Provide
    Arbitrary<List<AssetChange>> changesOf2025To2027() {
        Arbitrary<LocalDate> days = FactArbitraries.dates(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
        // Round amounts too, so that a year's total often equals a threshold (300 million, then 1 billion) exactly.
        Arbitrary<Long> amounts = Arbitraries.oneOf(Arbitraries.longs().between(-200_000_000L, 700_000_000L),
                Arbitraries.of(-100_000_000L, 100_000_000L, 150_000_000L, 200_000_000L, 300_000_000L, 500_000_000L));
        return Combinators.combine(days, amounts).as((day, amount) -> new AssetChange("O1", day, amount, null))
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<AssetChange>> changesOf2026() {
        Arbitrary<LocalDate> days = FactArbitraries.dates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        Arbitrary<Long> amounts = Arbitraries.longs().between(0, 600_000_000L);
        return Combinators.combine(days, amounts).as((day, amount) -> new AssetChange("O1", day, amount, null))
                .list().ofMaxSize(8);
    }
}
