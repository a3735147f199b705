package io.directiverules.core;

/** How serious a violation is, from least to most: LOW &lt; MEDIUM &lt; HIGH &lt; CRITICAL. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Whether this severity is {@code other} or above. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
