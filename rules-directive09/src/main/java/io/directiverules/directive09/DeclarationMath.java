package io.directiverules.directive09;

import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.rule.Evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Arithmetic of the declaration rules ({@code declaration.drl}) that DRL cannot say plainly: when an
 * official's asset changes of a year reach the supplementary threshold in force (D09-DECL-03), and which of
 * an official's declarations came first or last (D09-DECL-01, D09-DECL-04).
 *
 * <p>Amounts are personal data: nothing here logs them.
 */
public final class DeclarationMath {
    /** The parameter that sets the supplementary threshold (VND), dated where the law changes it. */
    public static final String SUPPLEMENTARY_THRESHOLD = "declaration.supplementary.threshold";

    private DeclarationMath() {
    }

    /**
     * For each year of {@code changes} (one official's changes, of any years), the first day the running
     * total of that year's changes reached the supplementary threshold in force that day, with the changes up
     * to that day; nothing for a year whose total never did. In year order, so a rule's {@code from} can
     * match each.
     */
    public static List<ThresholdReached> supplementaryThresholdReached(Collection<AssetChange> changes,
                                                                       Evaluation evaluation) {
        AssetChange[] byDay = byDay(changes);
        ToLongFunction<LocalDate> threshold = day -> evaluation.amount(SUPPLEMENTARY_THRESHOLD, day);
        List<ThresholdReached> reached = List.of();
        for (int from = 0, to; from < byDay.length; from = to) {
            int year = byDay[from].changedOn().getYear();
            to = from;
            while (to < byDay.length && byDay[to].changedOn().getYear() == year) {
                to++;
            }
            LocalDate day = reachedOn(byDay, from, to, threshold);
            if (day != null) {
                if (reached.isEmpty()) {
                    reached = new ArrayList<>(1);
                }
                // In the order the changes were given, as evidence.
                reached.add(new ThresholdReached(year, day, changes.stream()
                        .filter(c -> c.changedOn().getYear() == year && !c.changedOn().isAfter(day)).toList()));
            }
        }
        return reached;
    }

    /**
     * Whether the changes of some year reach the supplementary threshold ({@link #supplementaryThresholdReached}
     * is not empty): a test a rule can put before its {@code from}, which the engine evaluates more slowly.
     */
    public static boolean supplementaryThresholdReachedInSomeYear(Collection<AssetChange> changes,
                                                                  Evaluation evaluation) {
        return !supplementaryThresholdReached(changes, evaluation).isEmpty();
    }

    /**
     * The first of {@code declarations} to be submitted (of several the same day, the first by id), or
     * {@code null} when none was; {@code declarations} all have a submission date.
     */
    public static Declaration firstSubmitted(Collection<Declaration> declarations) {
        return declarations.stream().min(SUBMISSION_ORDER).orElse(null);
    }

    /**
     * The last of {@code declarations} to be submitted (of several the same day, the last by id), or
     * {@code null} when there is none; {@code declarations} all have a submission date.
     */
    public static Declaration lastSubmitted(Collection<Declaration> declarations) {
        Declaration last = null;
        for (Declaration declaration : declarations) {
            if (last == null || SUBMISSION_ORDER.compare(declaration, last) > 0) {
                last = declaration;
            }
        }
        return last;
    }

    /**
     * Whether {@code declaration}'s total assets exceed those of the last of {@code earlier} to be submitted
     * ({@link #lastSubmitted}) by at least the supplementary threshold in force on the day {@code declaration}
     * was submitted (D09-DECL-04); false when either total is unknown. A compiled test for the rule's
     * {@code collect} result, where a {@code from} would be evaluated by MVEL for every judged declaration.
     */
    public static boolean increaseOverLastSubmitted(Collection<Declaration> earlier, Declaration declaration,
                                                    Evaluation evaluation) {
        Declaration previous = lastSubmitted(earlier);
        return previous != null && previous.totalAssets() != null && declaration.totalAssets() != null
                && previous.totalAssets() + evaluation.amount(SUPPLEMENTARY_THRESHOLD, declaration.submittedOn())
                <= declaration.totalAssets();
    }

    private static final Comparator<Declaration> SUBMISSION_ORDER =
            Comparator.comparing(Declaration::submittedOn).thenComparing(Declaration::id);

    /**
     * The first day on which the running total of {@code changes}, taken in date order, is at least
     * {@code thresholdOn} that day. Changes of the same day count together: the total of a day is only
     * known once all of that day's changes are added.
     */
    public static Optional<LocalDate> thresholdReachedOn(Collection<AssetChange> changes,
                                                         ToLongFunction<LocalDate> thresholdOn) {
        AssetChange[] byDay = byDay(changes);
        return Optional.ofNullable(reachedOn(byDay, 0, byDay.length, thresholdOn));
    }

    /** The changes sorted by day: an array, not a map per official and year (this runs per official). */
    private static AssetChange[] byDay(Collection<AssetChange> changes) {
        AssetChange[] byDay = changes.toArray(AssetChange[]::new);
        Arrays.sort(byDay, Comparator.comparing(AssetChange::changedOn));
        return byDay;
    }

    /** The walk of {@link #thresholdReachedOn} over {@code byDay[from..to)}, sorted by day; null when never. */
    private static LocalDate reachedOn(AssetChange[] byDay, int from, int to, ToLongFunction<LocalDate> thresholdOn) {
        long total = 0;
        int i = from;
        while (i < to) {
            LocalDate day = byDay[i].changedOn();
            while (i < to && byDay[i].changedOn().equals(day)) {
                total = Math.addExact(total, byDay[i].amountVnd());
                i++;
            }
            if (total >= thresholdOn.applyAsLong(day)) {
                return day;
            }
        }
        return null;
    }

    /** The changes dated on or before {@code day}: those that made up the total reached that day. */
    public static List<AssetChange> changesUpTo(Collection<AssetChange> changes, LocalDate day) {
        return changes.stream().filter(c -> !c.changedOn().isAfter(day)).toList();
    }
}
