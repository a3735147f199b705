package io.directiverules.core;

import java.util.List;

/**
 * Which rule set produced a report.
 *
 * @param modules the rule modules loaded
 * @param fingerprint {@code sha256:} hash of every rule source and parameter value
 */
public record RuleSetInfo(List<ModuleInfo> modules, String fingerprint) {

    /** Copies the list. */
    public RuleSetInfo {
        modules = List.copyOf(modules);
    }
}
