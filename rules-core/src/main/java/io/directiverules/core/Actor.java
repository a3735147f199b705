package io.directiverules.core;

/** Who must carry out a required action. */
public enum Actor {
    /** The head of the unit the action names. */
    UNIT_HEAD,
    /** The official the violation is about. */
    OFFICIAL,
    /** The inspectorate of the unit's ministry tree. */
    INSPECTORATE,
    /** The asset control agency of the unit's ministry tree. */
    ASSET_CONTROL_AGENCY,
    /** The head of the root of the unit's tree, when that root is a ministry. */
    MINISTER,
    /** The host's personnel department ({@code actors.personnelDepartmentId}). */
    PERSONNEL_DEPARTMENT
}
