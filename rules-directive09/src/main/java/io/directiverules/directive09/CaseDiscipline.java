package io.directiverules.directive09;

import io.directiverules.core.model.CaseSeverity;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The discipline form for a unit head whose unit had corruption cases concluded in a year (Dec59 Art. 78,
 * catalogue "Cases and accountability"): the most severe form that any line of the article yields.
 *
 * <ul>
 *   <li>one LESS_SERIOUS case: {@link #REPRIMAND};</li>
 *   <li>one SERIOUS case, or several LESS_SERIOUS: {@link #WARNING};</li>
 *   <li>a VERY_SERIOUS or ESPECIALLY_SERIOUS case, or several SERIOUS: {@link #DISMISSAL}.</li>
 * </ul>
 * Cases of different classes are not added up: one SERIOUS and one LESS_SERIOUS case yield WARNING.
 */
public enum CaseDiscipline {
    /** Khiển trách. */
    REPRIMAND,
    /** Cảnh cáo. */
    WARNING,
    /** Cách chức. */
    DISMISSAL;

    /**
     * The form for cases whose offenders' penalties have these severities; empty when there is no case.
     *
     * @param severities one entry per concluded case
     * @return the most severe form any line yields, or empty for no case
     */
    public static Optional<CaseDiscipline> forCases(Collection<?> severities) {
        long lessSerious = 0;
        long serious = 0;
        long graver = 0;
        for (Object severity : severities) {
            // The DRL hands over an untyped list from accumulate; anything else is a rule bug.
            CaseSeverity s = (CaseSeverity) Objects.requireNonNull(severity, "a concluded case has a severity");
            switch (s) {
                case LESS_SERIOUS -> lessSerious++;
                case SERIOUS -> serious++;
                case VERY_SERIOUS, ESPECIALLY_SERIOUS -> graver++;
                default -> throw new IllegalArgumentException("unknown case severity " + s);
            }
        }
        if (graver >= 1 || serious >= 2) {
            return Optional.of(DISMISSAL);
        }
        if (serious == 1 || lessSerious >= 2) {
            return Optional.of(WARNING);
        }
        return lessSerious == 1 ? Optional.of(REPRIMAND) : Optional.empty();
    }
}
