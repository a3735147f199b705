package io.directiverules.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The asset control agency's annual plan for verifying declarations.
 *
 * @param id unique id
 * @param agencyId the asset control agency
 * @param year the plan's year
 * @param issuedOn issue date; {@code null} for a draft
 * @param selections the officials selected, per unit
 */
public record VerificationPlan(@Required String id, @Required String agencyId, @Required Integer year,
                               LocalDate issuedOn, List<VerificationSelection> selections) implements Identified {

    /** Normalizes an absent list to an empty one. */
    public VerificationPlan {
        selections = Lists.copy(selections);
    }

    /** Whether the plan was issued. */
    public boolean issued() {
        return issuedOn != null;
    }
}
