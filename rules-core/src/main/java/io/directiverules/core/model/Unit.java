package io.directiverules.core.model;

/**
 * An organizational unit of the ministry tree.
 *
 * @param id unique id
 * @param name the unit's name
 * @param kind what kind of unit it is
 * @param parentId the unit above, or {@code null} for a root
 * @param headId the official who heads the unit, or {@code null}
 */
public record Unit(@Required String id, @Required String name, @Required UnitKind kind, String parentId,
                   String headId) implements Identified {

    /** Whether this unit must plan, report and disseminate (every kind but {@code DIVISION}). */
    public boolean mustPlan() {
        return kind != UnitKind.DIVISION;
    }
}
