package io.directiverules.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's annual anti-corruption plan.
 *
 * @param id unique id
 * @param unitId the planning unit
 * @param year the plan's year
 * @param issuedOn issue date; {@code null} for a draft
 * @param focusAreas areas the plan focuses on
 * @param tasks the plan's tasks
 */
public record Plan(@Required String id, @Required String unitId, @Required Integer year, LocalDate issuedOn,
                   List<Area> focusAreas, List<PlanTask> tasks) implements Identified {

    /** Normalizes absent lists to empty ones. */
    public Plan {
        focusAreas = Lists.copy(focusAreas);
        tasks = Lists.copy(tasks);
    }

    /** Whether the plan was issued (a draft neither satisfies nor is judged by a rule). */
    public boolean issued() {
        return issuedOn != null;
    }
}
