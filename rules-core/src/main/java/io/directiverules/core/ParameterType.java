package io.directiverules.core;

/** The type of a parameter's value, which decides how it is read and checked. */
public enum ParameterType {
    /** A whole number ({@code long}); amounts in VND, days, years. */
    INTEGER,
    /** An exact decimal ({@link java.math.BigDecimal}); shares and rates. */
    DECIMAL,
    /** An ISO date. */
    DATE,
    /** A day of the year written {@code MM-DD} ({@link java.time.MonthDay}). */
    MONTH_DAY,
    /** A text, such as a unit id. */
    TEXT,
    /** A list of texts, each from the definition's {@code allowed} values when it has them. */
    TEXT_LIST,
    /** A list of ISO dates. */
    DATE_LIST
}
