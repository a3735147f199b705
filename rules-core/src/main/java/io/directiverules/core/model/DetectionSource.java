package io.directiverules.core.model;

/** Who detected a case. */
public enum DetectionSource {
    INTERNAL_INSPECTION, INTERNAL_SUPERVISION, EXTERNAL_AUTHORITY, PRESS, CITIZEN_REPORT;

    /** Whether the case was detected from outside the unit. */
    public boolean external() {
        return this == EXTERNAL_AUTHORITY || this == PRESS || this == CITIZEN_REPORT;
    }
}
