package io.directiverules.core;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A breach of an obligation found by a rule: what is wrong, where, under which legal basis, with evidence.
 *
 * <p>Rules insert violations into working memory (without {@code title} and {@code message}, which are
 * written in the report's language afterwards), so that later rules can match them.
 *
 * @param id stable id derived from rule, unit, subject, details and evidence
 * @param rule the rule id, such as {@code D09-PLAN-01}
 * @param severity how serious it is
 * @param unitId the unit the obligation belongs to
 * @param subjectId the official or record concerned, or {@code null}
 * @param title the rule's title in the report's language
 * @param message what is wrong, in the report's language
 * @param legalBasis the legal texts the obligation comes from
 * @param dueOn the deadline that was missed, or {@code null}
 * @param details further facts of the rule ({@code year}, {@code period}, ...)
 * @param evidence the facts matched, sorted
 */
public record Violation(String id, String rule, Severity severity, String unitId, String subjectId, String title,
                        String message, List<String> legalBasis, LocalDate dueOn, Map<String, Object> details,
                        List<Evidence> evidence) {

    /** Copies the lists and keeps details in the rule's order. */
    public Violation {
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The detail {@code key}, or {@code null}. */
    public Object detail(String key) {
        return details.get(key);
    }

    /** The year judged ({@code details.year}), or {@code null}. */
    public Integer year() {
        return details.get("year") instanceof Integer year ? year : null;
    }

    /** The same violation with its title and message written. */
    public Violation withText(String newTitle, String newMessage) {
        return new Violation(id, rule, severity, unitId, subjectId, newTitle, newMessage, legalBasis, dueOn, details,
                evidence);
    }
}
