package io.directiverules.testkit.generators;

import io.directiverules.core.Facts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

import java.util.List;

/**
 * Whole, consistent fact sets: a ministry tree (the ministry, usually an inspectorate and an asset control
 * agency, and departments, bureaus, divisions, ...), its officials, their declarations, asset changes, gifts
 * and conflicts, and each unit's plans with tasks, assessments, disseminations, reports, rotation plans,
 * inspection and verification plans and cases, for the years {@code year - 1} and {@code year}.
 *
 * <p>Knobs: {@link #size(int, int)}, {@link #officialsPerUnit(int)}, {@link #year(int)} and
 * {@link #compliantShare(double)}. A unit drawn compliant meets every rule of the Directive 09 catalogue (with
 * the module's default parameters) on any evaluation date in {@code year}, with the default
 * {@code evaluation.fromYear}; so with a share of 1 the whole set produces no violation. Whatever the share, no
 * obligation of the set falls due before January 1 of {@code year - 1}. Shrinking removes units and officials
 * and makes units compliant.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<Facts> ministries() {
 *     return FactArbitraries.factSets().size(2, 10).year(2025).compliantShare(0.5);
 * }
 * }</pre>
 */
public final class FactSetArbitrary extends ArbitraryDecorator<Facts> {
    private static final int PER_MILLE = 1000;

    private int minSize = 0;
    private int maxSize = 8;
    private int maxOfficials = 4;
    private int year = 2025;
    private double compliantShare = 0.5;

    FactSetArbitrary() {
    }

    /** Between {@code min} and {@code max} units besides the ministry, its inspectorate and its agency. */
    public FactSetArbitrary size(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("size must satisfy 0 <= min <= max: " + min + ", " + max);
        }
        FactSetArbitrary clone = typedClone();
        clone.minSize = min;
        clone.maxSize = max;
        return clone;
    }

    /** At most {@code max} officials per unit (the first one is the unit's head). */
    public FactSetArbitrary officialsPerUnit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("officialsPerUnit must not be negative: " + max);
        }
        FactSetArbitrary clone = typedClone();
        clone.maxOfficials = max;
        return clone;
    }

    /** The year the set is meant to be evaluated in; its facts belong to this year and the one before. */
    public FactSetArbitrary year(int evaluationYear) {
        FactSetArbitrary clone = typedClone();
        clone.year = evaluationYear;
        return clone;
    }

    /** The share of units, from 0 to 1, that meet every obligation; 1 makes the whole set compliant. */
    public FactSetArbitrary compliantShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("compliantShare is a share from 0 to 1: " + share);
        }
        FactSetArbitrary clone = typedClone();
        clone.compliantShare = share;
        return clone;
    }

    /** The same sets, each compliant by construction. */
    public FactSetArbitrary compliant() {
        return compliantShare(1.0);
    }

    @Override
    protected Arbitrary<Facts> arbitrary() {
        int evaluationYear = year;
        Arbitrary<FactSetGenerator.UnitSpec> unit = unitSpecs();
        Arbitrary<FactSetGenerator.UnitSpec> special = unit.injectNull(0.15);
        Arbitrary<List<FactSetGenerator.UnitSpec>> others = unit.list().ofMinSize(minSize).ofMaxSize(maxSize);
        return Combinators.combine(unit, special, special, others)
                .as(FactSetGenerator.Blueprint::new)
                .map(blueprint -> FactSetGenerator.generate(blueprint, evaluationYear));
    }

    private Arbitrary<FactSetGenerator.UnitSpec> unitSpecs() {
        // A pick below the share (in per mille) makes a unit compliant; shrinking toward 0 makes it compliant too.
        int compliantBelow = (int) Math.round(compliantShare * PER_MILLE);
        return Combinators.combine(
                Arbitraries.integers().between(0, PER_MILLE),
                Arbitraries.integers().between(0, PER_MILLE),
                Arbitraries.integers().between(0, PER_MILLE - 1),
                Arbitraries.integers().between(0, maxOfficials),
                Arbitraries.longs())
                .as((parent, kind, compliance, officials, seed) -> new FactSetGenerator.UnitSpec(parent, kind,
                        compliance < compliantBelow, officials, seed));
    }
}
