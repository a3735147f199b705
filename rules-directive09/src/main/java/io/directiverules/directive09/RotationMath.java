package io.directiverules.directive09;

import io.directiverules.core.DatedValue;
import io.directiverules.core.ParameterDefinition;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.rule.Evaluation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Date arithmetic of the job-rotation rules (catalogue, "Job rotation"): when an official's period in a
 * position ends, whether the official is exempt on the evaluation date, and which rotation plans count.
 * Called from {@code rotation.drl}; every number comes from the parameters, none is written here.
 */
public final class RotationMath {
    /** The family of rotation periods, one member per position group. */
    public static final String PERIOD_FAMILY = "rotation.periodYears.*";
    /** The prefix of a position group's period key. */
    public static final String PERIOD_PREFIX = "rotation.periodYears.";

    private RotationMath() {
    }

    /**
     * The rotation period in years of {@code positionGroup}, the value in force on {@code on}.
     *
     * <p>An official without a group is judged by the family's default (3 years unless the module's
     * definition says otherwise): Law36 Art. 25(2) obliges every rotation-bound position to rotate, and
     * a missing group is a gap in the host's data, not an exemption. A host that wants another period for
     * such officials gives them a group.
     */
    public static int periodYears(Evaluation ctx, String positionGroup, LocalDate on) {
        if (positionGroup == null || positionGroup.isBlank()) {
            ParameterDefinition family = ctx.parameters().definition(PERIOD_FAMILY)
                    .orElseThrow(() -> new IllegalStateException("parameter family " + PERIOD_FAMILY
                            + " is not defined"));
            return family.values().stream().filter(v -> v.inForceOn(on)).map(DatedValue::value)
                    .map(v -> Math.toIntExact((Long) v)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("parameter family " + PERIOD_FAMILY
                            + " has no default in force on " + on));
        }
        return ctx.integer(PERIOD_PREFIX + positionGroup, on);
    }

    /**
     * The last day of the official's period in the position: {@code positionSince} plus the period of the
     * official's group (the value in force on {@code positionSince}, the day the obligation starts).
     * Adding years clamps as {@code java.time} does (2020-02-29 plus 3 years is 2023-02-28).
     */
    public static LocalDate periodEnds(Evaluation ctx, Official official) {
        LocalDate since = official.positionSince();
        return since.plusYears(periodYears(ctx, official.positionGroup(), since));
    }

    /** The period in years that applies to the official (see {@link #periodEnds}). */
    public static int periodOf(Evaluation ctx, Official official) {
        return periodYears(ctx, official.positionGroup(), official.positionSince());
    }

    /**
     * Whether the official retires within {@code rotation.retirementExemptionMonths} of the evaluation date:
     * {@code retirementDate} is before the evaluation date plus that many months (clamped to the end of the
     * month as {@code java.time} does). The exemption is permanent: a retirement date already past counts.
     */
    public static boolean retiresSoon(Evaluation ctx, Official official) {
        if (official.retirementDate() == null) {
            return false;
        }
        int months = ctx.integer("rotation.retirementExemptionMonths", ctx.asOf());
        return official.retirementDate().isBefore(ctx.asOf().plusMonths(months));
    }

    /** The first postponement (Dec59 Art. 39) whose {@code from}..{@code to} covers the evaluation date. */
    public static Optional<Postponement> postponementOn(Evaluation ctx, Official official) {
        return official.postponements().stream().filter(p -> p != null && p.covers(ctx.asOf())).findFirst();
    }

    /** Whether the official is exempt from rotation on the evaluation date (retirement or a postponement). */
    public static boolean exempt(Evaluation ctx, Official official) {
        return retiresSoon(ctx, official) || postponementOn(ctx, official).isPresent();
    }

    /**
     * The plan issued first among {@code plans} (ties by id), or {@code null} when there is none: the plan a
     * late D09-ROT-01 names.
     */
    public static RotationPlan firstIssued(Collection<?> plans) {
        return plans.stream().map(RotationPlan.class::cast)
                .min(Comparator.comparing(RotationPlan::issuedOn).thenComparing(RotationPlan::id)).orElse(null);
    }

    /**
     * Whether a rotation plan of {@code year} can list an official due on the evaluation date: the plan of the
     * evaluation date's year, or, while that year's {@code rotation.plan.deadline} has not passed, the plan
     * of the year before (this year's plan may lawfully not exist yet).
     */
    public static boolean planYearCounts(Evaluation ctx, int year) {
        int current = ctx.asOf().getYear();
        if (year == current) {
            return true;
        }
        return year == current - 1 && !ctx.after(ctx.dayOfYear("rotation.plan.deadline", current));
    }
}
