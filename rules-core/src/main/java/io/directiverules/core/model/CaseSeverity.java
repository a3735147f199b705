package io.directiverules.core.model;

/** The severity of the offender's penalty in a concluded case (Penal Code classes). */
public enum CaseSeverity {
    LESS_SERIOUS, SERIOUS, VERY_SERIOUS, ESPECIALLY_SERIOUS
}
