package io.directiverules.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The inspectorate's annual plan of anti-corruption inspection and supervision.
 *
 * @param id unique id
 * @param unitId the inspectorate
 * @param year the plan's year
 * @param issuedOn issue date; {@code null} for a draft
 * @param areas areas the plan covers
 */
public record InspectionPlan(@Required String id, @Required String unitId, @Required Integer year,
                             LocalDate issuedOn, List<Area> areas) implements Identified {

    /** Normalizes an absent list to an empty one. */
    public InspectionPlan {
        areas = Lists.copy(areas);
    }

    /** Whether the plan was issued. */
    public boolean issued() {
        return issuedOn != null;
    }
}
