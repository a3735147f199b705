package io.directiverules.bench;

import io.directiverules.core.Violation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the baseline and the engine are compared on: a violation's rule, unit, subject, missed deadline and
 * details (ids and evidence aside, which only the engine derives).
 *
 * @param rule the rule id
 * @param unitId the unit it is filed under
 * @param subjectId the official or record, or {@code null}
 * @param dueOn the missed deadline, or {@code null}
 * @param details the catalogue's details, sorted by key
 */
public record Finding(String rule, String unitId, String subjectId, LocalDate dueOn, Map<String, Object> details)
        implements Comparable<Finding> {

    /** Sorts the details so that equal findings print alike. */
    public Finding {
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** The finding of an engine's violation. */
    public static Finding of(Violation v) {
        return new Finding(v.rule(), v.unitId(), v.subjectId(), v.dueOn(), v.details());
    }

    @Override
    public int compareTo(Finding other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return rule + " " + unitId + (subjectId == null ? "" : " / " + subjectId)
                + (dueOn == null ? "" : " due " + dueOn) + " " + details;
    }
}
