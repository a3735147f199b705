package io.directiverules.directive09;

import io.directiverules.core.model.AssetChange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The supplementary-threshold walk of D09-DECL-03. */
class DeclarationMathTest {
    private static final LocalDate LAW_132 = LocalDate.of(2026, 7, 1);
    private static final ToLongFunction<LocalDate> THRESHOLD =
            day -> day.isBefore(LAW_132) ? 300_000_000L : 1_000_000_000L;

    private static AssetChange change(String day, long amount) {
        return new AssetChange("O1", LocalDate.parse(day), amount, null);
    }

    @Test
    void reachesOnTheFirstDayTheRunningTotalMeetsTheThreshold() {
        List<AssetChange> changes = List.of(change("2025-09-01", 150_000_000), change("2025-03-01", 100_000_000),
                change("2025-11-01", 50_000_000), change("2025-12-01", 500_000_000));
        assertThat(DeclarationMath.thresholdReachedOn(changes, THRESHOLD)).contains(LocalDate.of(2025, 11, 1));
    }

    @Test
    void changesOfOneDayCountTogether() {
        List<AssetChange> changes = List.of(change("2025-05-01", 200_000_000), change("2025-05-01", 100_000_000));
        assertThat(DeclarationMath.thresholdReachedOn(changes, THRESHOLD)).contains(LocalDate.of(2025, 5, 1));
    }

    @Test
    void theThresholdIsTheOneInForceOnEachDay() {
        List<AssetChange> before = List.of(change("2026-06-01", 200_000_000), change("2026-06-30", 150_000_000));
        List<AssetChange> after = List.of(change("2026-06-01", 200_000_000), change("2026-07-01", 150_000_000));
        assertThat(DeclarationMath.thresholdReachedOn(before, THRESHOLD)).contains(LocalDate.of(2026, 6, 30));
        assertThat(DeclarationMath.thresholdReachedOn(after, THRESHOLD)).isEmpty();
    }

    @Test
    void aTotalBelowTheThresholdIsNeverReached() {
        assertThat(DeclarationMath.thresholdReachedOn(List.of(change("2025-05-01", 299_999_999)), THRESHOLD)).isEmpty();
        assertThat(DeclarationMath.thresholdReachedOn(List.of(), THRESHOLD)).isEmpty();
    }

    @Test
    void changesUpToADayKeepThoseOnOrBeforeIt() {
        List<AssetChange> changes = List.of(change("2025-05-01", 1), change("2025-05-02", 2), change("2025-05-03", 3));
        assertThat(DeclarationMath.changesUpTo(changes, LocalDate.of(2025, 5, 2)))
                .extracting(AssetChange::amountVnd).containsExactly(1L, 2L);
    }
}
