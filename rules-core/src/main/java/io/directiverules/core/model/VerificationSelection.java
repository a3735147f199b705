package io.directiverules.core.model;

import java.util.List;

/**
 * The officials of one unit selected for verification.
 *
 * @param unitId the unit
 * @param officialIds the selected officials
 */
public record VerificationSelection(@Required String unitId, List<String> officialIds) {

    /** Normalizes an absent list to an empty one. */
    public VerificationSelection {
        officialIds = Lists.copy(officialIds);
    }
}
