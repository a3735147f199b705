package io.directiverules.core.model;

import java.util.List;

/**
 * A unit's assessment of its anti-corruption work in a year.
 *
 * @param unitId the assessed unit
 * @param year the assessed year
 * @param weakAreas areas found lacking
 */
public record Assessment(@Required String unitId, @Required Integer year, List<Area> weakAreas) {

    /** Normalizes an absent list to an empty one. */
    public Assessment {
        weakAreas = Lists.copy(weakAreas);
    }
}
