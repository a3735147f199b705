package io.directiverules.core;

import java.util.List;

/**
 * A loaded rule, as {@code directive-rules rules} lists it.
 *
 * @param ruleId the {@code @ruleId} metadata, or {@code null} for a helper rule that emits no violation
 * @param name the DRL rule name
 * @param severity the {@code @severity} metadata, or {@code null}
 * @param title the rule's English title from the messages, or the rule name
 * @param legalBasis the {@code @legalBasis} metadata, split on {@code ;}
 * @param file the DRL file
 * @param line the line the rule starts on
 */
public record RuleInfo(String ruleId, String name, Severity severity, String title, List<String> legalBasis,
                       String file, int line) {

    /** Copies the list. */
    public RuleInfo {
        legalBasis = List.copyOf(legalBasis);
    }
}
