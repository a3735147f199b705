package io.directiverules.core;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something someone must do because of one or more violations.
 *
 * @param id stable id derived from code, unit, actor and the violations answered
 * @param code the action code, such as {@code ISSUE_PLAN}
 * @param actor who must act
 * @param actorId the id of the official or unit that must act, or {@code null} when it cannot be resolved
 * @param unitId the unit of the violations it answers
 * @param dueOn when it must be done: the evaluation date plus {@code action.dueDays}
 * @param because the ids of the violations it answers, sorted
 * @param description what to do, in the report's language
 * @param details further facts ({@code discipline}, ...)
 */
public record RequiredAction(String id, String code, Actor actor, String actorId, String unitId, LocalDate dueOn,
                             List<String> because, String description, Map<String, Object> details) {

    /** Copies the lists and maps. */
    public RequiredAction {
        because = because == null ? List.of() : List.copyOf(because);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The detail {@code key}, or {@code null}. */
    public Object detail(String key) {
        return details.get(key);
    }

    /** The same action with its description written. */
    public RequiredAction withDescription(String text) {
        return new RequiredAction(id, code, actor, actorId, unitId, dueOn, because, text, details);
    }
}
