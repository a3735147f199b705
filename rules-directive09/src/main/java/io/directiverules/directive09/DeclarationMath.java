package io.directiverules.directive09;

import io.directiverules.core.model.AssetChange;
import io.directiverules.core.rule.Evaluation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Arithmetic of the declaration rules ({@code declaration.drl}) that DRL cannot say plainly: when an
 * official's asset changes of a year reach the supplementary threshold in force (D09-DECL-03).
 *
 * <p>Amounts are personal data: nothing here logs them.
 */
public final class DeclarationMath {
    /** The parameter that sets the supplementary threshold (VND), dated where the law changes it. */
    public static final String SUPPLEMENTARY_THRESHOLD = "declaration.supplementary.threshold";

    private DeclarationMath() {
    }

    /**
     * The first day on which the running total of {@code changes} reaches the supplementary threshold in
     * force that day, if it does; {@code changes} are one official's changes of one calendar year.
     */
    public static Optional<LocalDate> supplementaryThresholdReachedOn(Collection<AssetChange> changes,
                                                                      Evaluation evaluation) {
        return thresholdReachedOn(changes, day -> evaluation.amount(SUPPLEMENTARY_THRESHOLD, day));
    }

    /**
     * The day of {@link #supplementaryThresholdReachedOn} as a list of none or one day, which a rule's
     * {@code from} can match: an official whose changes never reach the threshold then fires nothing.
     */
    public static List<LocalDate> supplementaryThresholdReachedDays(Collection<AssetChange> changes,
                                                                    Evaluation evaluation) {
        return supplementaryThresholdReachedOn(changes, evaluation).map(List::of).orElse(List.of());
    }

    /**
     * The first day on which the running total of {@code changes}, taken in date order, is at least
     * {@code thresholdOn} that day. Changes of the same day count together: the total of a day is only
     * known once all of that day's changes are added.
     */
    public static Optional<LocalDate> thresholdReachedOn(Collection<AssetChange> changes,
                                                         ToLongFunction<LocalDate> thresholdOn) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (AssetChange change : changes) {
            byDay.merge(change.changedOn(), change.amountVnd(), Math::addExact);
        }
        long total = 0;
        for (Map.Entry<LocalDate, Long> day : byDay.entrySet()) {
            total = Math.addExact(total, day.getValue());
            if (total >= thresholdOn.applyAsLong(day.getKey())) {
                return Optional.of(day.getKey());
            }
        }
        return Optional.empty();
    }

    /** The changes dated on or before {@code day}: those that made up the total reached that day. */
    public static List<AssetChange> changesUpTo(Collection<AssetChange> changes, LocalDate day) {
        return changes.stream().filter(c -> !c.changedOn().isAfter(day)).toList();
    }
}
