package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A task of an annual plan, assigned to a unit.
 *
 * @param id unique id within the plan
 * @param assigneeUnitId the unit that must carry it out
 * @param title what the task is
 * @param dueOn deadline
 * @param completedOn completion date, or {@code null}
 */
public record PlanTask(@Required String id, @Required String assigneeUnitId, @Required String title,
                       @Required LocalDate dueOn, LocalDate completedOn) implements Identified {
}
