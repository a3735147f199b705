package io.directiverules.core.model;

/** The kind of an organizational unit. */
public enum UnitKind {
    MINISTRY, DEPARTMENT, GENERAL_DEPARTMENT, BUREAU, INSPECTORATE, INSTITUTE, ENTERPRISE, SCHOOL, DIVISION,
    ASSET_CONTROL_AGENCY
}
