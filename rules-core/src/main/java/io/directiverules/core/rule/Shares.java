package io.directiverules.core.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact share arithmetic for rules: no floating point, so 0.07 x 100 is exactly 7. */
public final class Shares {
    private Shares() {
    }

    /** Whether {@code part / whole} is below {@code minimum}, compared exactly ({@code whole} must be positive). */
    public static boolean isBelow(long part, long whole, BigDecimal minimum) {
        if (whole <= 0) {
            throw new IllegalArgumentException("whole must be positive: " + whole);
        }
        return BigDecimal.valueOf(part).compareTo(minimum.multiply(BigDecimal.valueOf(whole))) < 0;
    }

    /** {@code part / whole} rounded half-up to four decimals, for reports. */
    public static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The smallest whole number at least {@code share x count}: ceil(0.10 x 25) is 3. */
    public static long atLeast(BigDecimal share, long count) {
        return share.multiply(BigDecimal.valueOf(count)).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
