package io.directiverules.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A planning unit's annual job-rotation plan.
 *
 * @param id unique id
 * @param unitId the planning unit
 * @param year the plan's year
 * @param issuedOn issue date; {@code null} for a draft
 * @param publishedOn publication date
 * @param officialIds the officials scheduled for rotation
 */
public record RotationPlan(@Required String id, @Required String unitId, @Required Integer year, LocalDate issuedOn,
                           LocalDate publishedOn, List<String> officialIds) implements Identified {

    /** Normalizes an absent list to an empty one. */
    public RotationPlan {
        officialIds = Lists.copy(officialIds);
    }

    /** Whether the plan was issued. */
    public boolean issued() {
        return issuedOn != null;
    }
}
