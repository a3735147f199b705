package io.directiverules.core.model;

/** Kinds of asset and income declaration (Law36 Art. 36). */
public enum DeclarationKind {
    FIRST_TIME, ANNUAL, SUPPLEMENTARY, PERSONNEL_WORK
}
