package io.directiverules.core.model;

/** Areas of anti-corruption work, used by assessments, plans and inspection plans. */
public enum Area {
    PLANNING, DISSEMINATION, ASSET_DECLARATION, ROTATION, PERSONNEL, PUBLIC_FINANCE_AND_ASSETS, PUBLIC_INVESTMENT,
    INSPECTION, CASE_HANDLING, REPORTING, GIFTS_AND_CONFLICTS, NON_STATE_SECTOR
}
