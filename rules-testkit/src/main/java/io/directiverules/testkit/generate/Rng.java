package io.directiverules.testkit.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Seeded random numbers, one independent stream per (seed, purpose, index): any record can be derived again
 * on its own, so the generator writes list after list without holding the facts it already wrote.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The stream of {@code purpose} for the entity {@code index}. */
    static Rng of(long seed, int purpose, long index) {
        return new Rng(mix(mix(seed ^ (purpose * 0x9E3779B97F4A7C15L)) + index));
    }

    /** SplitMix64's finalizer: spreads close inputs over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double unit() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return to <= from ? from : from + random.nextInt(to - from + 1);
    }

    long between(long from, long to) {
        return to <= from ? from : from + random.nextLong(to - from + 1);
    }

    /** A day from {@code from} to {@code to}, both included ({@code from} when the range is empty). */
    LocalDate day(LocalDate from, LocalDate to) {
        long span = to.toEpochDay() - from.toEpochDay();
        return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
